import { render, screen } from '@testing-library/react';
import { weeklyVolume } from '../../__testUtils__/burden';
import { describeWeekOverWeek } from './describeWeekOverWeek';
import { WeeklyVolumeChart } from './WeeklyVolumeChart';

function barHeight(name: RegExp) {
  const bar = screen.getByRole('img', { name }).querySelector('rect');
  return Number(bar?.getAttribute('height'));
}

describe('WeeklyVolumeChart', () => {
  it('draws one labelled bar per week, as tall as its pages', () => {
    render(<WeeklyVolumeChart weeklyVolume={weeklyVolume(4, 1, 0, 2)} />);
    const chart = screen.getByRole('group', { name: 'Pages per week' });
    const bars = screen.getAllByRole('img');
    expect(bars).toHaveLength(4);
    expect(bars.every(bar => chart.contains(bar))).toBe(true);
    expect(bars.map(bar => bar.getAttribute('aria-label'))).toEqual([
      expect.stringMatching(/^Week of (Jan 6|6 Jan): 4 pages$/),
      expect.stringMatching(/^Week of (Jan 13|13 Jan): 1 page$/),
      expect.stringMatching(/^Week of (Jan 20|20 Jan): 0 pages$/),
      expect.stringMatching(/^Week of (Jan 27|27 Jan): 2 pages$/),
    ]);
    expect(barHeight(/4 pages/)).toBe(2 * barHeight(/2 pages/));
    expect(barHeight(/0 pages/)).toBe(0);
  });

  it('states the week-over-week change in words', () => {
    render(<WeeklyVolumeChart weeklyVolume={weeklyVolume(1, 2)} />);
    expect(
      screen.getByText(
        'Pages rose 100% in the last full week compared with the week before.',
      ),
    ).toBeInTheDocument();
  });

  it('says so when there are no weeks to draw', () => {
    render(<WeeklyVolumeChart weeklyVolume={[]} />);
    expect(screen.queryByRole('group')).not.toBeInTheDocument();
    expect(
      screen.getByText('No weekly page counts in this window.'),
    ).toBeInTheDocument();
  });

  it('outlines a partial week and says how much of it the window holds', () => {
    const [first, ...rest] = weeklyVolume(0, 3, 2);
    render(
      <WeeklyVolumeChart
        weeklyVolume={[{ ...first, partial: true, hours: 0.4 }, ...rest]}
      />,
    );
    const partial = screen.getByRole('img', { name: /partial week/ });
    expect(partial).toHaveAttribute(
      'aria-label',
      expect.stringMatching(
        /partial week, 24 minutes in the window\): 0 pages$/,
      ),
    );
    expect(partial).toHaveAttribute('data-partial', 'true');
    expect(
      screen
        .getAllByRole('img')
        .filter(bar => bar.hasAttribute('data-partial')),
    ).toHaveLength(1);
    expect(
      screen.getByText(/Outlined bars are partial weeks the window cuts/),
    ).toHaveTextContent('24 minutes');
  });
});

describe('describeWeekOverWeek', () => {
  it.each([
    [
      [2, 3],
      'Pages rose 50% in the last full week compared with the week before.',
    ],
    [
      [4, 3],
      'Pages fell 25% in the last full week compared with the week before.',
    ],
    [
      [1000, 1001],
      'Pages held steady: the last full week had about as many as the week before.',
    ],
    [
      [0, 4],
      'Pages rose in the last full week, to 4 from none the week before.',
    ],
    [
      [0, 0, 0, 0, 0, 0, 0, 0, 0],
      'No pages in the last full week or the week before.',
    ],
    [
      [5],
      'Not enough whole weeks yet to compare the last full week with the one before.',
    ],
  ])('describes weeks of %p pages', (pages, words) => {
    expect(describeWeekOverWeek(weeklyVolume(...pages))).toBe(words);
  });

  it('leaves partial weeks out of the comparison', () => {
    const weeks = weeklyVolume(9, 2, 0);
    const last = { ...weeks[2], partial: true, hours: 30 };
    expect(describeWeekOverWeek([weeks[0], weeks[1], last])).toBe(
      'Pages fell 78% in the last full week compared with the week before.',
    );
  });
});
