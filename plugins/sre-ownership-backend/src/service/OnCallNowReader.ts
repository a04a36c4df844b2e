import {
  OnCallNow,
  ResolvedOwnership,
  whoIsOnCall,
} from '@sre-ownership/plugin-sre-ownership-common';
import { OncallStore } from '../database/OncallStore';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Shifts this far either side of "now" decide who is on call now and next;
 * every reader of on-call-now uses this one range.
 */
export const ON_CALL_LOOKAROUND_MS = 31 * DAY_MS;

/** Who carries each team's pager now, read from the stored shifts. */
export class OnCallNowReader {
  constructor(
    private readonly options: {
      store: Pick<OncallStore, 'listShifts'>;
      now?: () => Date;
    },
  ) {}

  async forTeam(teamRef: string): Promise<OnCallNow> {
    const now = this.options.now?.() ?? new Date();
    const shifts = await this.options.store.listShifts({
      teamRef,
      range: {
        from: new Date(now.getTime() - ON_CALL_LOOKAROUND_MS),
        to: new Date(now.getTime() + ON_CALL_LOOKAROUND_MS),
      },
    });
    return whoIsOnCall({ teamRef, shifts, now: now.toISOString() });
  }

  /** The ownership with who is on call now on each `oncall` level. */
  async addTo(resolved: ResolvedOwnership): Promise<ResolvedOwnership> {
    const teams = new Map<string, Promise<OnCallNow>>();
    const levels = await Promise.all(
      resolved.escalation.levels.map(async level => {
        if (level.type !== 'oncall' || !level.target.exists) return level;
        const ref = level.target.ref;
        if (!teams.has(ref)) teams.set(ref, this.forTeam(ref));
        return { ...level, onCall: await teams.get(ref)! };
      }),
    );
    return { ...resolved, escalation: { ...resolved.escalation, levels } };
  }
}
