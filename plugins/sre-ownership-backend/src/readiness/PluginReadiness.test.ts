import { PluginReadiness } from './PluginReadiness';

const answering = { name: 'database', check: async () => 1 };
const failing = {
  name: 'catalog',
  check: async () => {
    throw new Error('404');
  },
};
const hanging = { name: 'catalog', check: () => new Promise(() => {}) };

describe('PluginReadiness', () => {
  it('is unavailable until start-up has finished', async () => {
    const readiness = new PluginReadiness([answering]);
    expect(await readiness.check()).toEqual({
      status: 'unavailable',
      unavailable: ['start-up'],
    });
    readiness.markStarted();
    expect(await readiness.check()).toEqual({ status: 'ok' });
  });

  it('names each dependency that fails or does not answer in time', async () => {
    const readiness = new PluginReadiness(
      [answering, failing, { ...hanging, name: 'scheduler' }],
      { timeoutMs: 20 },
    );
    readiness.markStarted();
    expect(await readiness.check()).toEqual({
      status: 'unavailable',
      unavailable: ['catalog', 'scheduler'],
    });
  });

  it('checks again once the cached answer is older than the cache period', async () => {
    let up = false;
    const readiness = new PluginReadiness(
      [
        {
          name: 'catalog',
          check: async () => {
            if (!up) throw new Error('down');
          },
        },
      ],
      { cacheMs: 0 },
    );
    readiness.markStarted();
    expect((await readiness.check()).status).toBe('unavailable');
    up = true;
    expect(await readiness.check()).toEqual({ status: 'ok' });
  });
});
