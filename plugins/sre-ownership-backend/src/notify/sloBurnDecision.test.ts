import { SloListItem } from '@sre-ownership/plugin-sre-ownership-common';
import { decideSloBurns, sloBurnKey } from './sloBurnDecision';

const anSlo = (burn: SloListItem['burn']): SloListItem => ({
  entityRef: 'component:default/orders',
  sloName: 'availability',
  displayName: 'Availability',
  target: 0.99,
  window: '7d rolling',
  burn,
  burnRate: null,
  budgetRemaining: null,
  evaluatedAt: '2026-06-01T00:00:00.000Z',
});
const KEY = 'slo-burn:component:default/orders:availability:7d-rolling';

describe('decideSloBurns', () => {
  it('scopes a burn by entity, SLO and window', () => {
    expect(sloBurnKey(anSlo('page'))).toBe(KEY);
  });

  it('notifies a burn that starts, also when first seen burning', () => {
    const fresh = decideSloBurns([anSlo('page')], new Map(), 10);
    expect(fresh.started).toHaveLength(1);
    expect(fresh.states.get(KEY)).toEqual({
      level: 1,
      evaluatedAt: 10,
      notifiedAt: 10,
    });
    const after = decideSloBurns(
      [anSlo('page')],
      new Map([[KEY, { level: 0, evaluatedAt: 5, notifiedAt: 1 }]]),
      10,
    );
    expect(after.started).toHaveLength(1);
  });

  it('sends nothing while a burn goes on or an SLO stays within budget', () => {
    const going = decideSloBurns(
      [anSlo('page')],
      new Map([[KEY, { level: 1, evaluatedAt: 5, notifiedAt: 5 }]]),
      10,
    );
    expect([going.started, going.stopped]).toEqual([[], []]);
    expect(going.states.get(KEY)).toEqual({
      level: 1,
      evaluatedAt: 10,
      notifiedAt: 5,
    });
    const calm = decideSloBurns([anSlo('ticket')], new Map(), 10);
    expect([calm.started, calm.stopped]).toEqual([[], []]);
    expect(calm.states.get(KEY)).toEqual({ level: 0, evaluatedAt: 10 });
  });

  it('resolves a notified burn that stops', () => {
    const stopped = decideSloBurns(
      [anSlo('ok')],
      new Map([[KEY, { level: 1, evaluatedAt: 5, notifiedAt: 5 }]]),
      10,
    );
    expect(stopped.stopped).toHaveLength(1);
    expect(stopped.states.get(KEY)).toEqual({
      level: 0,
      evaluatedAt: 10,
      notifiedAt: 10,
    });
  });

  it('neither starts nor stops a burn without data', () => {
    const stored = new Map([
      [KEY, { level: 1, evaluatedAt: 5, notifiedAt: 5 }],
    ]);
    const unknown = decideSloBurns([anSlo('unknown')], stored, 10);
    expect([unknown.started, unknown.stopped]).toEqual([[], []]);
    // Nothing written: the stored state stands.
    expect(unknown.states.has(KEY)).toBe(false);
  });
});
