import {
  aPage,
  aShift,
  daysBefore,
  engineerIn,
  member,
  minutesAfter,
  NOW,
  teamInput,
  user,
} from './__testUtils__/builders';
import { computeTeamBurden } from './teamBurden';
import { DEFAULT_WORKING_TIME } from './types';

const LONDON = 'Europe/London';
const SYDNEY = 'Australia/Sydney';

describe('computeTeamBurden: pages', () => {
  describe('attribution', () => {
    const burden = computeTeamBurden(
      teamInput({
        shifts: [
          aShift('alice', '2024-04-08T00:00:00Z', '2024-04-10T00:00:00Z'),
          aShift('bob', '2024-04-09T00:00:00Z', '2024-04-11T00:00:00Z'),
        ],
        pages: [
          aPage('2024-04-08T12:00:00Z'), // alice on call
          aPage('2024-04-09T12:00:00Z'), // alice and bob on call
          aPage('2024-04-09T13:00:00Z', { responder: 'bob' }),
          aPage('2024-04-10T12:00:00Z'), // bob on call
          aPage('2024-04-20T12:00:00Z'), // nobody on call
          aPage('2024-04-22T12:00:00Z', { responder: 'carol' }),
          aPage('2024-04-22T13:00:00Z', { teamRef: 'group:default/platform' }),
        ],
      }),
    );

    it('counts a page for its responder, else for everyone on call', () => {
      expect(burden.engineers?.map(e => [e.userRef, e.current.pages])).toEqual([
        [user('alice'), 2],
        [user('bob'), 3],
        [user('carol'), 1],
      ]);
    });

    it('counts each page once for the team, pages of other teams left out', () => {
      expect(burden.current.pages).toBe(6);
    });

    it('divides pages by 12-hour shifts of on-call time', () => {
      expect(engineerIn(burden, 'alice').current.pagesPerShift).toBe(0.5);
      expect(engineerIn(burden, 'bob').current.pagesPerShift).toBe(0.75);
      // carol was never on call: a rate per shift is undefined, not 0
      expect(engineerIn(burden, 'carol').current.pagesPerShift).toBeNull();
      // 6 pages over 72 hours of coverage.
      expect(burden.current.pagesPerShift).toBe(1);
    });
  });

  it('counts a page in the window its trigger falls in', () => {
    const windowStart = '2024-04-01T00:00:00Z';
    const burden = computeTeamBurden(
      teamInput({
        pages: [
          aPage(minutesAfter(windowStart, -1), {
            ackAfter: 10,
            resolveAfter: 60,
          }),
          aPage(windowStart),
          aPage(NOW),
          aPage(daysBefore(NOW, 56)),
          aPage(minutesAfter(daysBefore(NOW, 56), -1)),
        ],
      }),
    );
    expect(burden.current.pages).toBe(1);
    expect(burden.previous.pages).toBe(2);
  });

  describe('off-hours and sleep hours in each engineer’s zone', () => {
    const burden = computeTeamBurden(
      teamInput({
        now: '2024-07-01T00:00:00Z',
        members: [member('alice', LONDON), member('bob', SYDNEY)],
        shifts: [
          aShift('alice', '2024-06-10T00:00:00Z', '2024-06-17T00:00:00Z'),
          aShift('bob', '2024-06-10T00:00:00Z', '2024-06-17T00:00:00Z'),
        ],
        pages: [
          aPage('2024-06-12T02:00:00Z'), // Wed: London 03:00, Sydney 12:00
          aPage('2024-06-12T11:00:00Z'), // Wed: London 12:00, Sydney 21:00
          aPage('2024-06-15T11:00:00Z'), // Sat: London 12:00, Sydney 21:00
          aPage('2024-06-13T13:00:00Z', { responder: 'alice' }), // London 14:00
        ],
      }),
    );

    it('classifies each engineer’s pages in their own time zone', () => {
      const alice = engineerIn(burden, 'alice').current;
      const bob = engineerIn(burden, 'bob').current;
      expect([alice.pages, alice.offHoursPages, alice.sleepHoursPages]).toEqual(
        [4, 2, 1],
      );
      expect([bob.pages, bob.offHoursPages, bob.sleepHoursPages]).toEqual([
        3, 2, 0,
      ]);
    });

    it('counts a team page once when it is off-hours for anyone it reached', () => {
      expect(burden.current.pages).toBe(4);
      expect(burden.current.offHoursPages).toBe(3);
      expect(burden.current.sleepHoursPages).toBe(1);
    });
  });

  it('treats holidays as off-hours', () => {
    const input = teamInput({
      now: '2024-07-01T00:00:00Z',
      members: [member('alice', LONDON)],
      pages: [aPage('2024-06-12T11:00:00Z', { responder: 'alice' })],
    });
    const workday = computeTeamBurden(input);
    const holiday = computeTeamBurden({
      ...input,
      workingTime: { ...DEFAULT_WORKING_TIME, holidays: ['2024-06-12'] },
    });
    expect(engineerIn(workday, 'alice').current.offHoursPages).toBe(0);
    expect(engineerIn(holiday, 'alice').current.offHoursPages).toBe(1);
    expect(holiday.current.offHoursPages).toBe(1);
  });

  it('reads the same UTC hour differently before and after a DST change', () => {
    const burden = computeTeamBurden(
      teamInput({
        members: [member('alice', LONDON), member('bob', SYDNEY)],
        pages: [
          aPage('2024-03-29T08:30:00Z', { responder: 'alice' }), // 08:30 GMT
          aPage('2024-04-02T08:30:00Z', { responder: 'alice' }), // 09:30 BST
          aPage('2024-04-04T22:30:00Z', { responder: 'bob' }), // 09:30 AEDT
          aPage('2024-04-08T22:30:00Z', { responder: 'bob' }), // 08:30 AEST
        ],
      }),
    );
    expect(engineerIn(burden, 'alice').previous.offHoursPages).toBe(1);
    expect(engineerIn(burden, 'alice').current.offHoursPages).toBe(0);
    expect(engineerIn(burden, 'bob').current.offHoursPages).toBe(1);
    expect(burden.current.offHoursPages).toBe(1);
  });

  it('judges a page nobody was on call for in the default time zone', () => {
    const burden = computeTeamBurden(
      teamInput({
        defaultTimezone: 'America/New_York',
        pages: [
          aPage('2024-04-10T05:00:00Z'), // Wed 01:00 EDT
          aPage('2024-04-10T15:00:00Z'), // Wed 11:00 EDT
        ],
      }),
    );
    expect(burden.engineers).toEqual([]);
    expect(burden.current.offHoursPages).toBe(1);
    expect(burden.current.sleepHoursPages).toBe(1);
  });

  it('counts all acknowledge-to-resolve time, showing the part off the rotation', () => {
    const burden = computeTeamBurden(
      teamInput({
        shifts: [
          aShift('alice', '2024-04-08T00:00:00Z', '2024-04-09T00:00:00Z'),
        ],
        pages: [
          aPage('2024-04-08T10:00:00Z', { ackAfter: 5, resolveAfter: 45 }),
          aPage('2024-04-08T23:00:00Z', { ackAfter: 30, resolveAfter: 90 }),
          aPage('2024-04-08T15:00:00Z', { resolveAfter: 30 }),
          aPage('2024-04-12T10:00:00Z', {
            responder: 'bob',
            ackAfter: 1,
            resolveAfter: 61,
          }),
        ],
      }),
    );
    const alice = engineerIn(burden, 'alice').current;
    // 40 minutes of the first page, 60 of the second; 30 of those after the shift ended.
    expect(alice.respondingMinutes).toBe(100);
    expect(alice.respondingOffRotationMinutes).toBe(30);
    const bob = engineerIn(burden, 'bob').current;
    expect(bob.pages).toBe(1);
    expect(bob.offRotationPages).toBe(1);
    expect(bob.pagesWhileOnCall).toBe(0);
    expect(bob.pagesPerShift).toBeNull();
    expect(bob.respondingMinutes).toBe(60);
    expect(bob.respondingOffRotationMinutes).toBe(60);
  });

  it('averages time to acknowledge and resolve per severity', () => {
    const burden = computeTeamBurden(
      teamInput({
        pages: [
          aPage('2024-04-10T10:00:00Z', { ackAfter: 5, resolveAfter: 65 }),
          aPage('2024-04-11T10:00:00Z', { ackAfter: 15 }),
          aPage('2024-04-12T10:00:00Z', {
            severity: 'high',
            ackAfter: 2,
            resolveAfter: 30,
          }),
          aPage('2024-04-13T10:00:00Z', { severity: 'low' }),
          aPage('2024-03-20T10:00:00Z', { ackAfter: 20, resolveAfter: 100 }),
        ],
      }),
    );
    expect(burden.current.mttaMinutes).toEqual({
      critical: 10,
      high: 2,
      all: 22 / 3,
    });
    expect(burden.current.mttrMinutes).toEqual({
      critical: 65,
      high: 30,
      all: 47.5,
    });
    expect(burden.previous.mttaMinutes).toEqual({ critical: 20, all: 20 });
    expect(burden.previous.mttrMinutes).toEqual({ critical: 100, all: 100 });
  });
});
