import {
  aPage,
  aShift,
  member,
  teamInput,
  user,
  TEAM,
} from './__testUtils__/builders';
import { computeRestOwed, restTakenDays } from './restOwed';
import { DEFAULT_REST_RULES, RestOwedInput, RestTaken } from './restTypes';

const BERLIN = member('ana', 'Europe/Berlin');
const TOKYO = member('bo', 'Asia/Tokyo');

function restInput(overrides: Partial<RestOwedInput> = {}): RestOwedInput {
  return {
    ...teamInput({ members: [BERLIN, TOKYO] }),
    rules: DEFAULT_REST_RULES,
    taken: [],
    ...overrides,
  };
}

function taken(name: string, date: string, minutes: number): RestTaken {
  return {
    teamRef: TEAM,
    userRef: user(name),
    date,
    minutes,
    recordedBy: user('ada-head'),
    recordedAt: '2024-04-20T10:00:00.000Z',
  };
}

const engineer = (input: RestOwedInput, name: string) =>
  computeRestOwed(input).engineers.find(e => e.userRef === user(name))!;

/** 03:12 in Berlin (CEST, +2), answered at 03:15 and resolved at 04:00. */
const nightPage = aPage('2024-04-10T01:12:00Z', {
  responder: 'ana',
  ackAfter: 3,
  resolveAfter: 48,
});

describe('computeRestOwed', () => {
  it('owes an hour for a night page and the off-hours response minute for minute', () => {
    const ana = engineer(restInput({ pages: [nightPage] }), 'ana');
    expect(ana.entries).toEqual([
      {
        userRef: user('ana'),
        kind: 'sleep-page',
        at: '2024-04-10T01:12:00.000Z',
        minutes: 60,
        reason:
          'Paged during sleep hours at 2024-04-10 03:12 Europe/Berlin: 60 minutes',
      },
      {
        userRef: user('ana'),
        kind: 'off-hours-response',
        at: '2024-04-10T01:15:00.000Z',
        minutes: 45,
        reason:
          'Responded 45 minutes outside business hours from 2024-04-10 03:15 Europe/Berlin: 45 minutes',
      },
    ]);
    expect(ana).toMatchObject({
      timezone: 'Europe/Berlin',
      member: true,
      owedMinutes: 105,
      takenMinutes: 0,
      balanceMinutes: 105,
    });
  });

  it('owes nothing for a page answered in business hours', () => {
    // 10:00 to 11:00 in Berlin on a Wednesday
    const page = aPage('2024-04-10T08:00:00Z', {
      responder: 'ana',
      ackAfter: 1,
      resolveAfter: 61,
    });
    expect(engineer(restInput({ pages: [page] }), 'ana').entries).toEqual([]);
  });

  it('owes half a day for 12 hours on call with more pages than the limit', () => {
    // Tokyo business hours, so no sleep or off-hours entries
    const shift = aShift('bo', '2024-04-15T00:00:00Z', '2024-04-16T00:00:00Z');
    const pages = [
      '2024-04-15T01:00:00Z',
      '2024-04-15T02:00:00Z',
      '2024-04-15T03:00:00Z',
      // the second 12 hours: two pages, at the limit
      '2024-04-15T12:30:00Z',
      '2024-04-15T13:00:00Z',
    ].map(at => aPage(at, { teamRef: TEAM }));
    const bo = engineer(restInput({ shifts: [shift], pages }), 'bo');
    expect(bo.entries.filter(e => e.kind === 'busy-shift')).toEqual([
      {
        userRef: user('bo'),
        kind: 'busy-shift',
        at: '2024-04-15T00:00:00.000Z',
        minutes: 240,
        reason:
          '3 pages in the 12 hours on call from 2024-04-15 09:00 Asia/Tokyo, above the limit of 2 per shift: 240 minutes',
      },
    ]);
  });

  it('follows the configured rules, rounding down and owing nothing for a rule at 0', () => {
    const ana = engineer(
      restInput({
        pages: [nightPage],
        rules: {
          sleepPageMinutes: 0,
          busyShiftMinutes: 0,
          offHoursResponsePercent: 150,
        },
      }),
      'ana',
    );
    expect(ana.entries.map(e => [e.kind, e.minutes])).toEqual([
      ['off-hours-response', 67],
    ]);
  });

  it('lowers the balance by rest taken on days the window touches, never below 0', () => {
    const input = restInput({
      pages: [nightPage],
      taken: [
        taken('ana', '2024-04-11', 30),
        taken('ana', '2024-03-31', 480), // before the window
        taken('bo', '2024-04-11', 480), // someone else
      ],
    });
    expect(engineer(input, 'ana')).toMatchObject({
      owedMinutes: 105,
      takenMinutes: 30,
      balanceMinutes: 75,
      taken: [expect.objectContaining({ date: '2024-04-11', minutes: 30 })],
    });
    const rested = restInput({
      pages: [nightPage],
      taken: [taken('ana', '2024-04-28', 480)],
    });
    expect(engineer(rested, 'ana').balanceMinutes).toBe(0);
  });

  it('counts only pages triggered in the window', () => {
    const early = aPage('2024-03-20T01:12:00Z', { responder: 'ana' });
    expect(engineer(restInput({ pages: [early] }), 'ana').owedMinutes).toBe(0);
  });

  it('lists every member, and someone from another team who answered', () => {
    const covered = aPage('2024-04-10T01:12:00Z', { responder: 'cy' });
    const rest = computeRestOwed(restInput({ pages: [covered] }));
    expect(rest.engineers.map(e => [e.userRef, e.member])).toEqual([
      [user('ana'), true],
      [user('bo'), true],
      [user('cy'), false],
    ]);
    expect(rest.window).toEqual({
      from: '2024-04-01T00:00:00.000Z',
      to: '2024-04-29T00:00:00.000Z',
      days: 28,
      endsNow: true,
    });
  });

  it('counts rest taken on every day a window touches, first and last included', () => {
    expect(
      restTakenDays({
        from: '2026-11-04T13:38:00.000Z',
        to: '2026-12-02T13:38:00.000Z',
      }),
    ).toEqual({ fromDate: '2026-11-04', toDate: '2026-12-02' });
    // A window ending at midnight does not touch the day it ends on.
    expect(
      restTakenDays({
        from: '2026-03-01T00:00:00Z',
        to: '2026-04-01T00:00:00Z',
      }),
    ).toEqual({ fromDate: '2026-03-01', toDate: '2026-03-31' });
  });
});
