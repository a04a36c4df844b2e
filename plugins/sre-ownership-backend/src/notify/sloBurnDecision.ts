import { SloListItem } from '@sre-ownership/plugin-sre-ownership-common';
import { ConditionState } from './NotificationStateStore';

/** The prefix of every SLO burn notification scope. */
export const SLO_BURN_PREFIX = 'slo-burn:';

/**
 * The scope of an SLO's burn notification: one per SLO and window, so a
 * burn that meets both page rules (1h/5m and 6h/30m) is one notification.
 */
export function sloBurnKey(item: SloListItem): string {
  return `${SLO_BURN_PREFIX}${item.entityRef}:${
    item.sloName
  }:${item.window.replace(' ', '-')}`;
}

/** What to send after one SLO evaluation, and the states to store. */
export interface SloBurnDecision {
  /** SLOs whose page-level burn started. */
  started: SloListItem[];
  /** SLOs whose page-level burn, notified before, stopped. */
  stopped: SloListItem[];
  states: Map<string, ConditionState>;
}

/**
 * Level 1 while an SLO burns at page level, 0 otherwise. A burn is notified
 * when it starts (from 0, or first seen burning) and resolved when it stops
 * after being notified. An SLO without figures (Prometheus down, no events)
 * keeps its stored state: no data neither starts nor stops a burn.
 */
export function decideSloBurns(
  items: SloListItem[],
  stored: Map<string, ConditionState>,
  now: number,
): SloBurnDecision {
  const started: SloListItem[] = [];
  const stopped: SloListItem[] = [];
  const states = new Map<string, ConditionState>();
  for (const item of items) {
    if (item.burn === 'unknown') continue;
    const key = sloBurnKey(item);
    const previous = stored.get(key);
    const level = item.burn === 'page' ? 1 : 0;
    const notifiedAt =
      previous?.notifiedAt !== undefined
        ? { notifiedAt: previous.notifiedAt }
        : {};
    if (level === 1 && previous?.level !== 1) {
      started.push(item);
      states.set(key, { level, evaluatedAt: now, notifiedAt: now });
    } else if (
      level === 0 &&
      previous?.level === 1 &&
      previous.notifiedAt !== undefined
    ) {
      stopped.push(item);
      states.set(key, { level, evaluatedAt: now, notifiedAt: now });
    } else {
      states.set(key, { level, evaluatedAt: now, ...notifiedAt });
    }
  }
  return { started, stopped, states };
}
