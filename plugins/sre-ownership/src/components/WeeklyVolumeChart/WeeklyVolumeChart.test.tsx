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
    render(
      <WeeklyVolumeChart
        weeklyVolume={weeklyVolume(4, 1, 0, 2)}
        weekOverWeekChange={1}
      />,
    );
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
    render(
      <WeeklyVolumeChart
        weeklyVolume={weeklyVolume(1, 2)}
        weekOverWeekChange={1}
      />,
    );
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
});

describe('describeWeekOverWeek', () => {
  it.each([
    [
      0.5,
      'Pages rose 50% in the last full week compared with the week before.',
    ],
    [
      -0.25,
      'Pages fell 25% in the last full week compared with the week before.',
    ],
    [
      0.001,
      'Pages held steady: the last full week had about as many as the week before.',
    ],
    [Infinity, 'Pages rose in the last full week, from none the week before.'],
    [
      undefined,
      'Not enough weeks yet to compare the last full week with the one before.',
    ],
  ])('describes %p', (change, words) => {
    expect(describeWeekOverWeek(change)).toBe(words);
  });
});
