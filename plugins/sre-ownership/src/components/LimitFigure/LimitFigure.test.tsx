import { render, screen } from '@testing-library/react';
import { formatRate, formatShare } from '../formatFigures';
import { LimitFigure } from './LimitFigure';

describe('LimitFigure', () => {
  it('marks a figure over its limit with an accessible name', () => {
    render(
      <LimitFigure value={3.5} limit={2} standing="over" format={formatRate} />,
    );
    expect(screen.getByText('3.5')).toBeInTheDocument();
    expect(
      screen.getByRole('img', { name: 'over the limit of 2' }),
    ).toBeInTheDocument();
  });

  it('marks a figure close to its limit', () => {
    render(
      <LimitFigure
        value={0.22}
        limit={0.25}
        standing="near"
        format={formatShare}
      />,
    );
    expect(
      screen.getByRole('img', { name: 'close to the limit of 25%' }),
    ).toBeInTheDocument();
  });

  it('judges no figure itself: without a verdict it stays unmarked', () => {
    render(
      <>
        <LimitFigure value={1.9} limit={2} format={formatRate} />
        <LimitFigure value={3} limit={2} format={formatRate} />
        <LimitFigure value={40} format={String} />
      </>,
    );
    expect(screen.queryByRole('img')).not.toBeInTheDocument();
  });

  it('never shows a figure over its limit as equal to it', () => {
    render(
      <LimitFigure
        value={2.04}
        limit={2}
        standing="over"
        format={formatRate}
      />,
    );
    expect(screen.getByText('> 2')).toBeInTheDocument();
  });

  it('shows the previous window beneath the figure', () => {
    render(<LimitFigure value={4} previous={7} format={String} />);
    expect(screen.getByText('was 7')).toBeInTheDocument();
  });
});
