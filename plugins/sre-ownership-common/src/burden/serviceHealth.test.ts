import { aPage, aShift, member, serviceInput } from './__testUtils__/builders';
import { computeServiceHealth } from './serviceHealth';

const PAYMENTS = 'group:default/payments';
const PLATFORM = 'group:default/platform';

describe('computeServiceHealth', () => {
  const health = computeServiceHealth(
    serviceInput({
      members: [
        member('alice', 'Europe/London'),
        member('bob', 'Australia/Sydney'),
      ],
      shifts: [
        aShift('alice', '2024-04-08T00:00:00Z', '2024-04-15T00:00:00Z', {
          teamRef: PAYMENTS,
        }),
        aShift('bob', '2024-04-08T00:00:00Z', '2024-04-15T00:00:00Z', {
          teamRef: PLATFORM,
        }),
      ],
      pages: [
        // Wed 03:00 in London for alice: off-hours.
        aPage('2024-04-10T02:00:00Z', {
          teamRef: PAYMENTS,
          ackAfter: 4,
          resolveAfter: 60,
        }),
        // Wed 12:00 in Sydney for bob: business hours.
        aPage('2024-04-10T02:00:00Z', { teamRef: PLATFORM, ackAfter: 6 }),
        // No team: alice (12:00) and bob (21:00) were both on call.
        aPage('2024-04-10T11:00:00Z', { severity: 'high' }),
        // Saturday, nobody on call: judged in UTC.
        aPage('2024-04-20T12:00:00Z', { severity: 'high' }),
        // Tue 11:00 in London.
        aPage('2024-04-23T10:00:00Z', { responder: 'alice', severity: 'low' }),
        aPage('2024-04-23T03:00:00Z', {
          entityRef: 'component:default/ledger',
        }),
        // Wed 21:00 in Sydney.
        aPage('2024-03-20T10:00:00Z', { responder: 'bob' }),
      ],
    }),
  );

  it('counts pages about the service in each window', () => {
    expect(health.current.pages).toBe(5);
    expect(health.previous.pages).toBe(1);
  });

  it('shares pages outside the paged engineer’s business hours', () => {
    expect(health.current.offHoursShare).toBe(0.6);
    expect(health.previous.offHoursShare).toBe(1);
  });

  it('averages response times per severity', () => {
    expect(health.current.mttaMinutes).toEqual({ critical: 5, all: 5 });
    expect(health.current.mttrMinutes).toEqual({ critical: 60, all: 60 });
  });

  it('counts pages per week with their trend', () => {
    expect(health.weeklyVolume.map(w => w.pages)).toEqual([
      0, 0, 1, 0, 0, 3, 1, 1,
    ]);
    expect(health.weekOverWeekChange).toBe(0);
    expect(health.window.from).toBe('2024-04-01T00:00:00.000Z');
  });

  it('reports no off-hours share and no trend without pages', () => {
    const quiet = computeServiceHealth(serviceInput());
    expect(quiet.current).toEqual({
      pages: 0,
      offHoursShare: null,
      mttaMinutes: {},
      mttrMinutes: {},
    });
    expect(quiet).not.toHaveProperty('weekOverWeekChange');
    expect(quiet.weeklyVolume).toHaveLength(8);
  });
});
