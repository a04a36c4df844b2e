import { OnCallNow } from './burden/types';
import { ResolvedOwnership } from './resolved';

/**
 * The one answer to "who is on call for this entity": the rotations its
 * resolved escalation path pages (its `oncall` levels), nearest level first,
 * each team once, with who carries each pager now as the backend added it.
 * The escalation card, the on-call health card, the who-to-call search, the
 * actions and the notifications all read it from here.
 *
 * @public
 */
export function onCallForEntity(resolved: ResolvedOwnership): OnCallNow[] {
  const seen = new Set<string>();
  const answer: OnCallNow[] = [];
  for (const level of resolved.escalation.levels) {
    if (level.type !== 'oncall' || !level.target.exists) continue;
    if (seen.has(level.target.ref)) continue;
    seen.add(level.target.ref);
    answer.push(level.onCall ?? { teamRef: level.target.ref, current: [] });
  }
  return answer;
}
