import { OncallShift } from '../events';
import { onCallByEngineer, toShiftSpans } from './attribution';
import { intervalAt, toInstant, toIso } from './intervals';
import { OnCallNow } from './types';

/** Orders refs as `Array.prototype.sort` does, like the team figures. */
function byUserRef(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

/**
 * Input of {@link whoIsOnCall}.
 *
 * @public
 */
export interface WhoIsOnCallInput {
  teamRef: string;
  /** Shifts of any team; only `teamRef`'s are read. */
  shifts: OncallShift[];
  now: string;
}

/**
 * Who carries a team's pager at `now`, and who takes it next.
 *
 * `current` lists, by userRef, everyone whose shift contains `now`, `until`
 * being the end of their merged on-call interval (back-to-back shifts of one
 * engineer count as one). `next` is the earliest shift starting after `now`
 * of an engineer not currently on call; ties go to the first userRef.
 *
 * @public
 */
export function whoIsOnCall(input: WhoIsOnCallInput): OnCallNow {
  const now = toInstant(input.now);
  const shifts = toShiftSpans(
    input.shifts.filter(shift => shift.teamRef === input.teamRef),
  );
  const current = [...onCallByEngineer(shifts)]
    .map(([userRef, intervals]) => ({
      userRef,
      interval: intervalAt(intervals, now),
    }))
    .flatMap(({ userRef, interval }) =>
      interval ? [{ userRef, until: toIso(interval.end) }] : [],
    )
    .sort((a, b) => byUserRef(a.userRef, b.userRef));
  const onNow = new Set(current.map(engineer => engineer.userRef));
  const [next] = shifts
    .filter(shift => shift.span.start > now && !onNow.has(shift.userRef))
    .sort(
      (a, b) => a.span.start - b.span.start || byUserRef(a.userRef, b.userRef),
    );
  return {
    teamRef: input.teamRef,
    current,
    ...(next
      ? { next: { userRef: next.userRef, from: toIso(next.span.start) } }
      : {}),
  };
}
