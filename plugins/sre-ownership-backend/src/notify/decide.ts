import { NotificationCondition } from './conditions';
import { ConditionState } from './NotificationStateStore';

/** Which conditions to notify about, and the states to store afterwards. */
export interface Decision {
  notify: NotificationCondition[];
  states: Map<string, ConditionState>;
}

/**
 * Compares each condition with its stored state. A condition is notified
 * when it is worse than before and at least at its threshold; staying or
 * improving only stores the new level, so a later worsening notifies again.
 * Within the quiet period after a notification, a further worsening keeps
 * the old level stored, so it is sent once the period is over.
 */
export function decide(
  conditions: NotificationCondition[],
  stored: Map<string, ConditionState>,
  now: number,
  quietPeriodMs: number,
): Decision {
  const notify: NotificationCondition[] = [];
  const states = new Map<string, ConditionState>();
  for (const condition of conditions) {
    const previous = stored.get(condition.key);
    const before = previous?.level ?? condition.firstSeenBaseline;
    const worse =
      before !== undefined &&
      condition.level > before &&
      condition.level >= condition.threshold;
    const quiet =
      previous?.notifiedAt !== undefined &&
      now - previous.notifiedAt < quietPeriodMs;
    if (worse && quiet) {
      states.set(condition.key, { ...previous!, evaluatedAt: now });
    } else if (worse && condition.recipients.length) {
      notify.push(condition);
      states.set(condition.key, {
        level: condition.level,
        evaluatedAt: now,
        notifiedAt: now,
      });
    } else {
      states.set(condition.key, {
        level: condition.level,
        evaluatedAt: now,
        ...(previous?.notifiedAt !== undefined
          ? { notifiedAt: previous.notifiedAt }
          : {}),
      });
    }
  }
  return { notify, states };
}
