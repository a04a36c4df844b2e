import {
  aShift,
  daysBefore,
  engineerIn,
  hoursAfter,
  member,
  NOW,
  teamInput,
  user,
} from './__testUtils__/builders';
import { computeTeamBurden } from './teamBurden';

describe('computeTeamBurden: on-call time', () => {
  it('reports both windows as ISO ranges', () => {
    const burden = computeTeamBurden(teamInput());
    expect(burden.window).toEqual({
      from: '2024-04-01T00:00:00.000Z',
      to: '2024-04-29T00:00:00.000Z',
      days: 28,
      endsNow: true,
    });
    expect(burden.previousWindow).toEqual({
      from: '2024-03-04T00:00:00.000Z',
      to: '2024-04-01T00:00:00.000Z',
      days: 28,
      endsNow: false,
    });
  });

  it('splits a shift straddling the current window start between both windows', () => {
    const burden = computeTeamBurden(
      teamInput({
        shifts: [aShift('alice', daysBefore(NOW, 30), daysBefore(NOW, 26))],
      }),
    );
    const alice = engineerIn(burden, 'alice');
    expect(alice.current.onCallHours).toBe(48);
    expect(alice.previous.onCallHours).toBe(48);
    expect(alice.current.onCallShare).toBeCloseTo(48 / 672, 12);
    expect(alice.current.onCallWeeksPerMonth).toBeCloseTo(48 / 168, 12);
    expect(burden.current.coverageHours).toBe(48);
    expect(burden.previous.coverageHours).toBe(48);
  });

  it('counts only the past part of a shift running through now', () => {
    const burden = computeTeamBurden(
      teamInput({
        shifts: [aShift('alice', daysBefore(NOW, 1), hoursAfter(NOW, 48))],
      }),
    );
    expect(engineerIn(burden, 'alice').current.onCallHours).toBe(24);
  });

  it('clips a shift straddling the previous window start', () => {
    const burden = computeTeamBurden(
      teamInput({
        shifts: [aShift('alice', daysBefore(NOW, 58), daysBefore(NOW, 54))],
      }),
    );
    const alice = engineerIn(burden, 'alice');
    expect(alice.previous.onCallHours).toBe(48);
    expect(alice.current.onCallHours).toBe(0);
    expect(burden.previous.rotationSize).toBe(1);
    expect(burden.current.rotationSize).toBe(0);
  });

  it('does not double count overlapping or duplicate shifts', () => {
    const alicesShift = aShift(
      'alice',
      daysBefore(NOW, 10),
      daysBefore(NOW, 8),
    );
    const burden = computeTeamBurden(
      teamInput({
        shifts: [
          alicesShift,
          { ...alicesShift, source: 'pagerduty', externalId: 'PD-1' },
          aShift('alice', daysBefore(NOW, 9), daysBefore(NOW, 7)),
          aShift('bob', daysBefore(NOW, 7.5), daysBefore(NOW, 6)),
        ],
      }),
    );
    expect(engineerIn(burden, 'alice').current.onCallHours).toBe(72);
    expect(engineerIn(burden, 'bob').current.onCallHours).toBe(36);
    expect(burden.current.coverageHours).toBe(96);
    expect(burden.current.rotationSize).toBe(2);
  });

  it.each([
    [
      'London, spring forward',
      '2024-03-30T09:00:00+00:00',
      '2024-03-31T09:00:00+01:00',
      23,
    ],
    [
      'London, fall back',
      '2024-10-26T09:00:00+01:00',
      '2024-10-27T09:00:00+00:00',
      25,
    ],
    [
      'Sydney, fall back',
      '2024-04-06T09:00:00+11:00',
      '2024-04-07T09:00:00+10:00',
      25,
    ],
    [
      'Sydney, spring forward',
      '2024-10-05T09:00:00+10:00',
      '2024-10-06T09:00:00+11:00',
      23,
    ],
  ])('%s: a shift from %s to %s lasts %d real hours', (_, from, to, hours) => {
    const burden = computeTeamBurden(
      teamInput({
        now: hoursAfter(to, 24),
        shifts: [aShift('alice', from, to)],
      }),
    );
    expect(engineerIn(burden, 'alice').current.onCallHours).toBe(hours);
  });

  it('does not flag a weekly London rotation for the hour it gains or loses at a clock change', () => {
    const spring = computeTeamBurden(
      teamInput({
        now: '2024-04-08T00:00:00Z',
        members: [member('alice', 'Europe/London')],
        shifts: [
          aShift(
            'alice',
            '2024-03-25T09:00:00+00:00',
            '2024-04-01T09:00:00+01:00',
          ),
        ],
      }),
    );
    const autumn = computeTeamBurden(
      teamInput({
        now: '2024-11-04T00:00:00Z',
        members: [member('alice', 'Europe/London')],
        shifts: [
          aShift(
            'alice',
            '2024-10-21T09:00:00+01:00',
            '2024-10-28T09:00:00+00:00',
          ),
        ],
      }),
    );
    expect(engineerIn(spring, 'alice').current.onCallHours).toBe(167);
    expect(engineerIn(spring, 'alice').overLimit).toEqual([]);
    expect(engineerIn(autumn, 'alice').current.onCallHours).toBe(169);
    // The extra hour of the clock change does not make a weekly shift more
    // than a week on call.
    expect(engineerIn(autumn, 'alice').overLimit).toEqual([]);
  });

  it('ignores shifts of other teams', () => {
    const burden = computeTeamBurden(
      teamInput({
        shifts: [
          aShift('alice', daysBefore(NOW, 3), daysBefore(NOW, 2)),
          aShift('carol', daysBefore(NOW, 5), daysBefore(NOW, 1), {
            teamRef: 'group:default/platform',
          }),
        ],
      }),
    );
    expect(burden.engineers?.map(e => e.userRef)).toEqual([user('alice')]);
    expect(burden.current.coverageHours).toBe(24);
  });

  it('lists members without shifts and everyone on call, sorted by ref', () => {
    const burden = computeTeamBurden(
      teamInput({
        members: [
          member('zoe', 'Europe/London'),
          member('bob', 'Australia/Sydney'),
        ],
        shifts: [aShift('alice', daysBefore(NOW, 3), daysBefore(NOW, 2))],
      }),
    );
    expect(
      burden.engineers?.map(e => [
        e.userRef,
        e.timezone,
        e.current.onCallHours,
      ]),
    ).toEqual([
      [user('alice'), 'UTC', 24],
      [user('bob'), 'Australia/Sydney', 0],
      [user('zoe'), 'Europe/London', 0],
    ]);
    expect(burden.current.rotationSize).toBe(1);
  });

  it('falls back to the default time zone for an unknown zone name', () => {
    const burden = computeTeamBurden(
      teamInput({
        defaultTimezone: 'Europe/Berlin',
        members: [member('alice', 'Mars/Olympus_Mons')],
      }),
    );
    expect(engineerIn(burden, 'alice').timezone).toBe('Europe/Berlin');
  });
});
