import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { ConflictError } from '@backstage/errors';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { DatabaseOncallStore } from '../oncall/DatabaseOncallStore';
import {
  createReliabilityIndex,
  INDEX_TASK_ID,
} from './createReliabilityIndex';
import { readOverviewSettings } from './overviewConfig';

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

describe('createReliabilityIndex', () => {
  async function create(triggerTask: jest.Mock) {
    const knex = await databases.init('SQLITE_3');
    const database = mockServices.database({
      knex,
      migrations: { skip: false },
    });
    const scheduler = mockServices.scheduler.mock({ triggerTask });
    const lifecycle = mockServices.lifecycle.mock();
    await createReliabilityIndex({
      database,
      scheduler,
      lifecycle,
      catalog: catalogServiceMock(),
      auth: mockServices.auth(),
      permissions: mockServices.permissions(),
      logger: mockServices.logger.mock(),
      oncall: await DatabaseOncallStore.create({ database }),
      defaults: {},
      schedules: [],
      settings: readOverviewSettings(mockServices.rootConfig()),
    });
    return { scheduler, lifecycle };
  }

  it('refreshes the index as soon as the backend has started, not a cadence later', async () => {
    const triggerTask = jest.fn().mockResolvedValue(undefined);
    const { scheduler, lifecycle } = await create(triggerTask);
    expect(scheduler.scheduleTask).toHaveBeenCalledWith(
      expect.objectContaining({ id: INDEX_TASK_ID, scope: 'global' }),
    );
    expect(triggerTask).not.toHaveBeenCalled();

    const [[startupHook]] = lifecycle.addStartupHook.mock.calls;
    await startupHook();
    expect(triggerTask).toHaveBeenCalledWith(INDEX_TASK_ID);
  });

  it('starts anyway when the refresh is already running', async () => {
    const triggerTask = jest
      .fn()
      .mockRejectedValue(new ConflictError('task is running'));
    const { lifecycle } = await create(triggerTask);
    const [[startupHook]] = lifecycle.addStartupHook.mock.calls;
    await expect(startupHook()).resolves.toBeUndefined();
  });
});
