import {
  computeTeamBurden,
  DEFAULT_BURDEN_LIMITS,
  DEFAULT_WORKING_TIME,
} from '@sre-ownership/plugin-sre-ownership-common';
import { generateDemoEvents } from './demoOncallHistory';

const now = new Date('2026-11-23T12:00:00Z');
const DAY = 86_400_000;

describe('demo on-call history', () => {
  const batch = generateDemoEvents(now);
  const from = now.getTime() - 56 * DAY;
  const within = (iso: string) => {
    const t = Date.parse(iso);
    return t >= from && t < now.getTime();
  };

  const burdenOf = (team: string, zone: string, members: string[]) => {
    const teamRef = `group:default/${team}`;
    return computeTeamBurden({
      teamRef,
      now: now.toISOString(),
      windowDays: 28,
      members: members.map(name => ({
        userRef: `user:default/${name}`,
        timezone: zone,
      })),
      defaultTimezone: 'UTC',
      shifts: batch.shifts!.filter(
        s =>
          s.teamRef === teamRef &&
          Date.parse(s.endsAt) > from &&
          Date.parse(s.startsAt) < now.getTime(),
      ),
      pages: batch.pages!.filter(
        p => p.teamRef === teamRef && within(p.triggeredAt),
      ),
      toil: batch.toil!.filter(
        t => t.teamRef === teamRef && within(t.startedAt),
      ),
      limits: DEFAULT_BURDEN_LIMITS,
      workingTime: DEFAULT_WORKING_TIME,
    });
  };

  it('is the same for the same start time, so a restart rewrites instead of adding', () => {
    const again = generateDemoEvents(now);
    expect(again.pages!.map(p => p.externalId)).toEqual(
      batch.pages!.map(p => p.externalId),
    );
    expect(new Set(batch.pages!.map(p => p.externalId)).size).toBe(
      batch.pages!.length,
    );
    expect(batch.pages!.length).toBeGreaterThan(100);
  });

  it('gives the three demo teams three different health states', () => {
    expect(
      burdenOf('payments', 'Europe/London', [
        'jane-doe',
        'tom-becker',
        'mei-lin',
        'sam-carter',
        'chloe-dubois',
      ]),
    ).toMatchObject({ status: 'overloaded' });
    expect(
      burdenOf('search', 'Asia/Tokyo', [
        'kenji-sato',
        'olivia-brown',
        'noah-wilson',
        'ines-garcia',
      ]),
    ).toMatchObject({ status: 'at-risk' });
    expect(
      burdenOf('mobile', 'America/Los_Angeles', [
        'fatima-zahra',
        'lucas-martin',
        'ana-souza',
      ]),
    ).toMatchObject({ status: 'healthy' });
  });

  it('keeps a 24/7 turn in one shift, as a schedule export has it', () => {
    const payments = batch.shifts!.filter(
      shift => shift.teamRef === 'group:default/payments',
    );
    const lengths = new Set(
      payments.map(
        shift => (Date.parse(shift.endsAt) - Date.parse(shift.startsAt)) / DAY,
      ),
    );
    expect([...lengths]).toEqual([7]);
    // One turn after another: each shift starts where the last ended.
    const sorted = [...payments].sort((a, b) =>
      a.startsAt.localeCompare(b.startsAt),
    );
    sorted.slice(1).forEach((shift, index) => {
      expect(shift.startsAt).toBe(sorted[index].endsAt);
      expect(shift.userRef).not.toBe(sorted[index].userRef);
    });
  });

  it('lets the guest, Chloe Dubois, hand the payments pager over two days ago', () => {
    const ended = batch.shifts!.filter(
      shift =>
        shift.teamRef === 'group:default/payments' &&
        Date.parse(shift.endsAt) <= now.getTime(),
    );
    const last = ended.sort((a, b) => b.endsAt.localeCompare(a.endsAt))[0];
    expect(last.userRef).toBe('user:default/chloe-dubois');
    expect(last.endsAt).toBe('2026-11-21T09:00:00.000Z');
    expect(
      batch.pages!.some(
        page =>
          page.responderRef === 'user:default/chloe-dubois' &&
          Date.parse(page.triggeredAt) >= Date.parse(last.startsAt),
      ),
    ).toBe(true);
  });

  it('pages each service of a team a different number of times', () => {
    const count = (service: string) =>
      batch.pages!.filter(
        page => page.entityRef === `component:default/${service}`,
      ).length;
    const payments = ['payments-api', 'payments-ledger', 'fraud-scoring'].map(
      count,
    );
    expect(new Set(payments).size).toBe(3);
    expect(payments[0]).toBeGreaterThan(payments[1]);
    expect(payments[1]).toBeGreaterThan(payments[2]);
  });
});
