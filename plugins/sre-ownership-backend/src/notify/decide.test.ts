import { NotificationCondition } from './conditions';
import { decide } from './decide';
import { ConditionState } from './NotificationStateStore';

const MINUTE = 60_000;
const NOW = Date.parse('2026-11-20T12:00:00Z');

function aCondition(
  overrides: Partial<NotificationCondition> = {},
): NotificationCondition {
  return {
    key: 'burden:group:default/payments:status:28d',
    kind: 'burden',
    level: 1,
    threshold: 1,
    firstSeenBaseline: 0,
    recipients: ['user:default/jane-doe'],
    title: 'payments on-call rotation is at risk',
    description: '',
    severity: 'normal',
    link: '/catalog/default/group/payments',
    ...overrides,
  };
}

const stored = (state: ConditionState) =>
  new Map([['burden:group:default/payments:status:28d', state]]);

describe('decide', () => {
  it('notifies a worsening and stores when it did', () => {
    const { notify, states } = decide(
      [aCondition({ level: 2 })],
      stored({ level: 1, evaluatedAt: NOW - MINUTE }),
      NOW,
      0,
    );
    expect(notify.map(c => c.level)).toEqual([2]);
    expect([...states.values()]).toEqual([
      { level: 2, evaluatedAt: NOW, notifiedAt: NOW },
    ]);
  });

  it('sends nothing for a condition that stays or improves, but stores the level', () => {
    const before = { level: 2, evaluatedAt: NOW - MINUTE, notifiedAt: 5 };
    for (const level of [2, 1, 0]) {
      const { notify, states } = decide(
        [aCondition({ level })],
        stored(before),
        NOW,
        0,
      );
      expect(notify).toEqual([]);
      expect([...states.values()]).toEqual([
        { level, evaluatedAt: NOW, notifiedAt: 5 },
      ]);
    }
  });

  it('does not notify below the threshold', () => {
    const { notify } = decide(
      [aCondition({ level: 1, threshold: 2 })],
      new Map(),
      NOW,
      0,
    );
    expect(notify).toEqual([]);
  });

  it('compares a first sight with the baseline, or only records it without one', () => {
    expect(decide([aCondition()], new Map(), NOW, 0).notify).toHaveLength(1);
    const lost = aCondition({ firstSeenBaseline: undefined });
    const { notify, states } = decide([lost], new Map(), NOW, 0);
    expect(notify).toEqual([]);
    expect(states.get(lost.key)?.level).toBe(1);
  });

  it('holds a worsening back within the quiet period, and sends it after', () => {
    const before = {
      level: 1,
      evaluatedAt: NOW - MINUTE,
      notifiedAt: NOW - 10 * MINUTE,
    };
    const held = decide(
      [aCondition({ level: 2 })],
      stored(before),
      NOW,
      30 * MINUTE,
    );
    expect(held.notify).toEqual([]);
    expect([...held.states.values()][0]).toMatchObject({ level: 1 });
    const later = NOW + 25 * MINUTE;
    const sent = decide(
      [aCondition({ level: 2 })],
      held.states,
      later,
      30 * MINUTE,
    );
    expect(sent.notify).toHaveLength(1);
  });

  it('does not send a condition nobody would receive', () => {
    const { notify, states } = decide(
      [aCondition({ recipients: [] })],
      new Map(),
      NOW,
      0,
    );
    expect(notify).toEqual([]);
    expect(states.size).toBe(1);
  });
});
