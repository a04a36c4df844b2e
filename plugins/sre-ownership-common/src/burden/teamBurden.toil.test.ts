import { aToil, engineerIn, member, teamInput } from './__testUtils__/builders';
import { computeTeamBurden } from './teamBurden';
import { DEFAULT_WORKING_TIME } from './types';

// Current window: Mon 1 Apr 00:00 UTC to Mon 29 Apr 00:00 UTC 2024.
// London (BST): 20 full working days = 9,600 business minutes.
// Sydney: Mon 1 Apr starts at 11:00 (360 min), 19 full days (9,120), and
// Mon 29 Apr ends at 10:00 AEST (60 min) = 9,540 business minutes.
const members = [
  member('alice', 'Europe/London'),
  member('bob', 'Australia/Sydney'),
];
const toil = [
  aToil('alice', '2024-04-02T09:00:00Z', 2400),
  aToil('alice', '2024-04-10T09:00:00Z', 1200),
  aToil('alice', '2024-04-24T09:00:00Z', 1200),
  aToil('bob', '2024-04-03T00:00:00Z', 954),
  aToil('carol', '2024-04-03T12:00:00Z', 246),
  aToil('alice', '2024-03-31T23:00:00Z', 120),
  aToil('dave', '2024-04-03T12:00:00Z', 500, {
    teamRef: 'group:default/platform',
  }),
];

describe('computeTeamBurden: toil', () => {
  const burden = computeTeamBurden(teamInput({ members, toil }));

  it('shares each engineer’s toil over their business minutes', () => {
    const alice = engineerIn(burden, 'alice');
    expect(alice.current.toilMinutes).toBe(4800);
    expect(alice.current.toilShare).toBe(0.5);
    expect(alice.overLimit).toEqual([]);
    expect(engineerIn(burden, 'bob').current.toilShare).toBeCloseTo(0.1, 12);
    // carol is not a member: her business minutes are counted in UTC.
    expect(engineerIn(burden, 'carol').current.toilShare).toBeCloseTo(
      246 / 9600,
      12,
    );
  });

  it('counts toil in the window it started in', () => {
    expect(engineerIn(burden, 'alice').previous.toilMinutes).toBe(120);
  });

  it('shares the team’s toil over its members’ business minutes', () => {
    expect(burden.current.toilMinutes).toBe(6000);
    expect(burden.current.toilShare).toBeCloseTo(6000 / (9600 + 9540), 12);
    expect(burden.engineers?.map(e => e.userRef)).not.toContain(
      'user:default/dave',
    );
  });

  it('takes holidays out of working time', () => {
    const withHoliday = computeTeamBurden(
      teamInput({
        members,
        toil,
        workingTime: { ...DEFAULT_WORKING_TIME, holidays: ['2024-04-05'] },
      }),
    );
    const alice = engineerIn(withHoliday, 'alice');
    expect(alice.current.toilShare).toBeCloseTo(4800 / 9120, 12);
    expect(alice.overLimit).toEqual(['toilShare']);
    expect(withHoliday.current.toilShare).toBeCloseTo(6000 / (9120 + 9060), 12);
  });

  it('uses everyone in the events when the team lists no members', () => {
    const noMembers = computeTeamBurden(
      teamInput({
        toil: [
          aToil('alice', '2024-04-02T09:00:00Z', 960),
          aToil('bob', '2024-04-02T09:00:00Z', 960),
        ],
      }),
    );
    expect(noMembers.current.toilShare).toBeCloseTo(1920 / (2 * 9600), 12);
  });
});
