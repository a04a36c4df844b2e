import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import {
  computeTeamBurden,
  DEFAULT_BURDEN_LIMITS,
  DEFAULT_WORKING_TIME,
} from '@sre-ownership/plugin-sre-ownership-common';
import { DatabaseOncallStore } from '../database/DatabaseOncallStore';
import { seedDemoEvents } from './seedDemoEvents';

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
const now = new Date('2026-11-23T12:00:00Z');
const DAY = 86_400_000;

describe('demo on-call data', () => {
  it('loads once, and gives the three demo teams three different health states', async () => {
    const knex = await databases.init('SQLITE_3');
    const store = await DatabaseOncallStore.create({
      database: mockServices.database({ knex, migrations: { skip: false } }),
    });
    const logger = mockServices.logger.mock();
    await seedDemoEvents({ store, logger, now });
    const [{ n: pagesAfterFirst }] = await knex('oncall_pages').count({
      n: '*',
    });
    await seedDemoEvents({ store, logger, now: new Date(now.getTime() + DAY) });
    const [{ n: pagesAfterSecond }] = await knex('oncall_pages').count({
      n: '*',
    });
    expect(Number(pagesAfterFirst)).toBeGreaterThan(100);
    expect(pagesAfterSecond).toEqual(pagesAfterFirst);
    expect(logger.info).toHaveBeenCalledTimes(1);

    const range = { from: new Date(now.getTime() - 56 * DAY), to: now };
    const burdenOf = async (team: string, zone: string, members: string[]) => {
      const teamRef = `group:default/${team}`;
      const { status, reasons } = computeTeamBurden({
        teamRef,
        now: now.toISOString(),
        windowDays: 28,
        members: members.map(name => ({
          userRef: `user:default/${name}`,
          timezone: zone,
        })),
        defaultTimezone: 'UTC',
        shifts: await store.listShifts({ teamRef, range }),
        pages: await store.listPages({ teamRef, range }),
        toil: await store.listToil({ teamRef, range }),
        limits: DEFAULT_BURDEN_LIMITS,
        workingTime: DEFAULT_WORKING_TIME,
      });
      return { status, reasons };
    };
    expect(
      await burdenOf('payments', 'Europe/London', [
        'jane-doe',
        'tom-becker',
        'mei-lin',
        'sam-carter',
      ]),
    ).toMatchObject({ status: 'overloaded' });
    expect(
      await burdenOf('search', 'Asia/Tokyo', [
        'kenji-sato',
        'olivia-brown',
        'noah-wilson',
        'ines-garcia',
      ]),
    ).toMatchObject({ status: 'at-risk' });
    expect(
      await burdenOf('mobile', 'America/Los_Angeles', [
        'fatima-zahra',
        'lucas-martin',
        'ana-souza',
      ]),
    ).toMatchObject({ status: 'healthy' });
  });
});
