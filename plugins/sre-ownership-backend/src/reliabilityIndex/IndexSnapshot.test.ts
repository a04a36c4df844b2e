import { IndexSnapshot } from './IndexSnapshot';
import { ReliabilityIndexStore } from './ReliabilityIndexStore';

function storeAt(state: { generation: number }) {
  return {
    generation: async () => ({ generation: state.generation }),
    summaries: async () => [],
  } as unknown as ReliabilityIndexStore;
}

describe('IndexSnapshot', () => {
  it('derives a result once per generation, and again after the index changed', async () => {
    const state = { generation: 1 };
    const snapshot = new IndexSnapshot(storeAt(state));
    const compute = jest.fn(() => ({ total: state.generation }));

    const first = (await snapshot.view()).derived('coverage', compute);
    const again = (await snapshot.view()).derived('coverage', compute);
    expect(again).toBe(first);
    expect(compute).toHaveBeenCalledTimes(1);

    state.generation = 2;
    const changed = (await snapshot.view()).derived('coverage', compute);
    expect(changed).toEqual({ total: 2 });
    expect(compute).toHaveBeenCalledTimes(2);
  });

  it('keeps the 64 most recently used results', async () => {
    const view = await new IndexSnapshot(storeAt({ generation: 1 })).view();
    const compute = jest.fn((key: string) => key);
    const derive = (key: string) => view.derived(key, () => compute(key));
    derive('kept');
    for (let i = 0; i < 63; i++) derive(`k${i}`);
    derive('kept'); // used again: now the most recent
    derive('one more'); // drops the oldest, k0
    compute.mockClear();
    derive('kept');
    derive('k1');
    expect(compute).not.toHaveBeenCalled();
    derive('k0');
    expect(compute).toHaveBeenCalledWith('k0');
  });
});
