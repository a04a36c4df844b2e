import {
  OnCallNow,
  OncallShift,
  ResolvedOwnership,
  whoIsOnCall,
} from '@sre-ownership/plugin-sre-ownership-common';
import { OncallStore } from './OncallStore';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Shifts this far either side of "now" decide who is on call now and next;
 * every reader of on-call-now uses this one range.
 */
export const ON_CALL_LOOKAROUND_MS = 31 * DAY_MS;

/** Teams whose shifts are kept at most; the oldest read is dropped first. */
const MAX_TEAMS = 10_000;

interface TeamShifts {
  /** The store's shift-write count before the read began. */
  version: number;
  readAt: number;
  shifts: Promise<OncallShift[]>;
}

/**
 * Who carries each team's pager now, read from the stored shifts.
 *
 * A team's shifts around now are kept for `ttlMs` and reused by every
 * request in that time; who is on call is still decided at each request's
 * own "now", so a hand-over is shown the moment it happens. A shift written
 * through this backend instance discards them at once (the store counts its
 * shift writes); a shift written by another replica is seen within `ttlMs`.
 */
export class OnCallNowReader {
  private readonly teams = new Map<string, TeamShifts>();

  constructor(
    private readonly options: {
      store: Pick<OncallStore, 'listShifts' | 'shiftWrites'>;
      /** How long a team's shifts are reused; 0 reads them every time. */
      ttlMs: number;
      now?: () => Date;
    },
  ) {}

  async forTeam(teamRef: string): Promise<OnCallNow> {
    const now = this.options.now?.() ?? new Date();
    const shifts = await this.shiftsAround(teamRef, now.getTime());
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

  private shiftsAround(teamRef: string, now: number): Promise<OncallShift[]> {
    const { store, ttlMs } = this.options;
    const version = store.shiftWrites();
    const kept = this.teams.get(teamRef);
    if (
      kept &&
      kept.version === version &&
      now >= kept.readAt &&
      now - kept.readAt < ttlMs
    ) {
      return kept.shifts;
    }
    // Read around the read time: a reuse up to ttlMs later still sees every
    // shift within the look-around, less ttlMs, of its own now.
    const shifts = store.listShifts({
      teamRef,
      range: {
        from: new Date(now - ON_CALL_LOOKAROUND_MS),
        to: new Date(now + ON_CALL_LOOKAROUND_MS),
      },
    });
    if (ttlMs > 0) {
      this.teams.delete(teamRef);
      if (this.teams.size >= MAX_TEAMS) {
        this.teams.delete(this.teams.keys().next().value!);
      }
      const entry = { version, readAt: now, shifts };
      this.teams.set(teamRef, entry);
      // A failed read is not kept.
      shifts.catch(() => {
        if (this.teams.get(teamRef) === entry) this.teams.delete(teamRef);
      });
    }
    return shifts;
  }
}
