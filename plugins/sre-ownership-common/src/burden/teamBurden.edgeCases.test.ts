import {
  aPage,
  aShift,
  aToil,
  engineerIn,
  hoursAfter,
  member,
  teamInput,
} from './__testUtils__/builders';
import { computeTeamBurden } from './teamBurden';

const ALPHA = 'group:edge/alpha';

describe('computeTeamBurden: people, rates and limits at their edges', () => {
  it('reads the local hours of an engineer from another team in their own zone', () => {
    // user:edge/tokyo (Asia/Tokyo, a member of beta) covers alpha for a day.
    const tokyo = 'user:edge/tokyo';
    const burden = computeTeamBurden(
      teamInput({
        teamRef: ALPHA,
        now: '2026-10-20T00:00:00Z',
        members: [{ userRef: 'user:edge/ana', timezone: 'UTC' }],
        others: [{ userRef: tokyo, timezone: 'Asia/Tokyo' }],
        shifts: [
          aShift('x', '2026-10-05T00:00:00Z', '2026-10-06T00:00:00Z', {
            teamRef: ALPHA,
            userRef: tokyo,
          }),
        ],
        pages: [
          // 19:00 in Tokyo: off-hours; 23:00: off-hours and sleep hours
          aPage('2026-10-05T10:00:00Z', {
            teamRef: ALPHA,
            responderRef: tokyo,
          }),
          aPage('2026-10-05T14:00:00Z', {
            teamRef: ALPHA,
            responderRef: tokyo,
          }),
        ],
      }),
    );
    const engineer = burden.engineers?.find(e => e.userRef === tokyo);
    expect(engineer).toMatchObject({ timezone: 'Asia/Tokyo', member: false });
    expect(engineer?.current).toMatchObject({
      offHoursPages: 2,
      sleepHoursPages: 1,
    });
    expect(burden.current).toMatchObject({
      offHoursPages: 2,
      sleepHoursPages: 1,
    });
  });

  it('has no pages per shift, not 0, for an engineer paged only off the rotation', () => {
    const pages = Array.from({ length: 10 }, (_, n) =>
      aPage(hoursAfter('2024-04-10T10:00:00Z', n), { responder: 'bob' }),
    );
    const burden = computeTeamBurden(
      teamInput({
        members: [member('bob', 'UTC')],
        shifts: [
          aShift('alice', '2024-04-08T00:00:00Z', '2024-04-09T00:00:00Z'),
        ],
        pages,
      }),
    );
    expect(engineerIn(burden, 'bob').current).toMatchObject({
      pages: 10,
      pagesWhileOnCall: 0,
      offRotationPages: 10,
      pagesPerShift: null,
    });
    expect(engineerIn(burden, 'bob').overLimit).toEqual([]);
    // The team's rate is over its coverage: 10 pages in one 24-hour day.
    expect(burden.current.pagesPerShift).toBe(5);
  });

  it('counts pages per shift over the pages triggered while on call only', () => {
    const burden = computeTeamBurden(
      teamInput({
        shifts: [
          aShift('alice', '2024-04-08T00:00:00Z', '2024-04-08T12:00:00Z'),
        ],
        pages: [
          aPage('2024-04-08T01:00:00Z'),
          aPage('2024-04-08T02:00:00Z', { responder: 'alice' }),
          aPage('2024-04-09T02:00:00Z', { responder: 'alice' }),
          aPage('2024-04-09T03:00:00Z', { responder: 'alice' }),
        ],
      }),
    );
    expect(engineerIn(burden, 'alice').current).toMatchObject({
      pages: 4,
      pagesWhileOnCall: 2,
      offRotationPages: 2,
      pagesPerShift: 2,
    });
    expect(engineerIn(burden, 'alice').overLimit).not.toContain(
      'pagesPerShift',
    );
  });

  it('has no toil share without business minutes', () => {
    const burden = computeTeamBurden(
      teamInput({
        now: '2024-04-08T00:00:00Z', // a Monday: the last day is a Sunday
        windowDays: 1,
        members: [member('alice', 'UTC')],
        toil: [aToil('alice', '2024-04-07T10:00:00Z', 30)],
      }),
    );
    expect(engineerIn(burden, 'alice').current.toilShare).toBeNull();
    expect(burden.current.toilShare).toBeNull();
    expect(burden.current.toilMinutes).toBe(30);
  });

  it('needs 3 people for one shift of 1,080 hours and 1 ms in 90 days', () => {
    const start = '2024-02-01T00:00:00Z';
    const end = new Date(
      Date.parse(start) + 1080 * 3_600_000 + 1,
    ).toISOString();
    const burden = computeTeamBurden(
      teamInput({ windowDays: 90, shifts: [aShift('alice', start, end)] }),
    );
    expect(burden.requiredRotationSize).toBe(3);
    expect(burden.current.overLimit).toContain('rotationSize');
  });

  it('derives the rotation from person-hours: two layers need twice the people', () => {
    const shifts = ['alice', 'bob', 'carol', 'dave'].flatMap((name, n) => {
      const from = hoursAfter('2024-04-01T00:00:00Z', n * 168);
      const to = hoursAfter(from, 168);
      return [aShift(name, from, to), aShift(`${name}-secondary`, from, to)];
    });
    const burden = computeTeamBurden(teamInput({ shifts }));
    expect(burden.current.coverageHours).toBe(672);
    expect(burden.current.personHours).toBe(1344);
    expect(burden.current.rotationSize).toBe(8);
    expect(burden.requiredRotationSize).toBe(8);
    expect(burden.status).toBe('healthy');
    expect(engineerIn(burden, 'alice-secondary').timezone).toBe('UTC');
  });

  it('names the dates of a window that does not end now', () => {
    const burden = computeTeamBurden(
      teamInput({
        now: '2026-10-01T00:00:00Z',
        windowDays: 30,
        windowEndsNow: false,
      }),
    );
    expect(burden.window).toEqual({
      from: '2026-09-01T00:00:00.000Z',
      to: '2026-10-01T00:00:00.000Z',
      days: 30,
      endsNow: false,
    });
    expect(burden.status).toBe('no-data');
    expect(burden.reasons).toEqual([
      expect.stringMatching(
        /^No shifts, pages or toil were recorded for this team from 2026-09-01 to 2026-09-30/,
      ),
    ]);
  });
});
