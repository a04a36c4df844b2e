import { BurdenInstant } from '../burden/burdenEvents';
import { DAY_MS, MINUTE_MS, toInstant } from '../burden/intervals';
import { canonicalTimezone, isSleepHours } from '../burden/localTime';
import { WorkingTime } from '../burden/types';
import { PlanPerson } from './types';

/** Minutes between possible hand-off times. */
export const HAND_OFF_GRID_MINUTES = 30;
/** The most sites a follow-the-sun plan splits the day between. */
export const MAX_SITES = 3;

/**
 * One site of a follow-the-sun plan: the members in one time zone and the
 * part of the UTC day they carry.
 *
 * @public
 */
export interface FollowTheSunSite {
  timezone: string;
  members: string[];
  /** UTC clock times, `HH:MM`; `to` may be earlier (the span wraps midnight). */
  from: string;
  to: string;
  hours: number;
  /** Minutes of the span inside the site's sleep hours on that day. */
  sleepMinutes: number;
}

/**
 * A daily hand-off plan for round-the-clock cover.
 *
 * @public
 */
export interface FollowTheSunPlan {
  /** The UTC day whose clocks (daylight saving) the plan was drawn for. */
  day: string;
  sites: FollowTheSunSite[];
  /** Hand-offs a day: 0 with one site, else one per site. */
  handOffs: number;
  /** On-call minutes a day inside the on-call person's sleep hours. */
  sleepMinutesPerDay: number;
}

/** One candidate plan, as slot indexes and zones. */
export interface SlotPlan {
  /** Start slots of the spans, ascending; empty for one site all day. */
  bounds: number[];
  /** Zone of each span, in the order of `bounds`. */
  zones: string[];
}

/** What ranks plans, lower first. */
export interface PlanRank {
  sleep: number;
  handOffs: number;
  /** Longest site's slots minus shortest site's slots. */
  spread: number;
}

/**
 * Orders two plans: less sleep, then fewer hand-offs, then a more even
 * split, then the earlier hand-off times, then zone names.
 */
export function comparePlans(
  a: { rank: PlanRank; plan: SlotPlan },
  b: { rank: PlanRank; plan: SlotPlan },
): number {
  return (
    a.rank.sleep - b.rank.sleep ||
    a.rank.handOffs - b.rank.handOffs ||
    a.rank.spread - b.rank.spread ||
    compareLists(a.plan.bounds, b.plan.bounds) ||
    compareLists(a.plan.zones, b.plan.zones)
  );
}

function compareLists<T extends number | string>(a: T[], b: T[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    if (a[i] !== b[i]) return a[i] < b[i] ? -1 : 1;
  }
  return a.length - b.length;
}

/**
 * Sleep minutes of each zone in each grid slot of the UTC day starting at
 * `dayStart`: every minute read on the zone's clock (offsets change at whole
 * quarter hours, so a minute is read whole).
 */
export function sleepBySlot(
  zones: string[],
  dayStart: number,
  workingTime: WorkingTime,
  gridMinutes: number,
): Map<string, number[]> {
  const slots = (24 * 60) / gridMinutes;
  return new Map(
    zones.map(zone => {
      const costs = new Array<number>(slots).fill(0);
      for (let minute = 0; minute < 24 * 60; minute++) {
        if (isSleepHours(dayStart + minute * MINUTE_MS, zone, workingTime)) {
          costs[Math.floor(minute / gridMinutes)] += 1;
        }
      }
      return [zone, costs];
    }),
  );
}

/** Sorted k-subsets of `0..n-1`. */
function* combinations(n: number, k: number): Generator<number[]> {
  const pick = Array.from({ length: k }, (_, i) => i);
  if (k > n) return;
  while (true) {
    yield [...pick];
    let i = k - 1;
    while (i >= 0 && pick[i] === n - k + i) i--;
    if (i < 0) return;
    pick[i] += 1;
    for (let j = i + 1; j < k; j++) pick[j] = pick[j - 1] + 1;
  }
}

/**
 * The best plan over `costs` (sleep minutes per zone and slot): every split
 * of the day into 1 to `maxSites` spans at slot bounds, every assignment of
 * distinct zones to the spans. For a fixed split, a span's zone is chosen
 * among its three best zones only (by sleep, then name): with at most three
 * spans, at least one of those three is free whatever the others take, and
 * it is no worse, so no better assignment is missed.
 */
export function bestSlotPlan(
  costs: Map<string, number[]>,
  maxSites: number = MAX_SITES,
): { rank: PlanRank; plan: SlotPlan } | undefined {
  const zones = [...costs.keys()].sort();
  if (zones.length === 0) return undefined;
  const slots = costs.get(zones[0])!.length;
  const prefix = new Map(
    zones.map(zone => {
      const sums = [0];
      for (const cost of costs.get(zone)!)
        sums.push(sums[sums.length - 1] + cost);
      return [zone, sums];
    }),
  );
  // Sleep of `zone` over slots [from, to), wrapping past midnight.
  const spanCost = (zone: string, from: number, to: number) => {
    const sums = prefix.get(zone)!;
    return to <= slots
      ? sums[to] - sums[from]
      : sums[slots] - sums[from] + sums[to - slots];
  };
  let best: { rank: PlanRank; plan: SlotPlan } | undefined;
  const consider = (candidate: { rank: PlanRank; plan: SlotPlan }) => {
    if (!best || comparePlans(candidate, best) < 0) best = candidate;
  };
  for (const zone of zones) {
    consider({
      rank: { sleep: spanCost(zone, 0, slots), handOffs: 0, spread: 0 },
      plan: { bounds: [], zones: [zone] },
    });
  }
  for (let k = 2; k <= Math.min(maxSites, zones.length); k++) {
    for (const bounds of combinations(slots, k)) {
      const spans = bounds.map((from, i) => ({
        from,
        to: i + 1 < k ? bounds[i + 1] : bounds[0] + slots,
      }));
      const lengths = spans.map(span => span.to - span.from);
      const spread = Math.max(...lengths) - Math.min(...lengths);
      const options = spans.map(span =>
        zones
          .map(zone => ({ zone, cost: spanCost(zone, span.from, span.to) }))
          .sort((a, b) => a.cost - b.cost || (a.zone < b.zone ? -1 : 1))
          .slice(0, 3),
      );
      const choose = (i: number, taken: string[], sleep: number) => {
        if (i === k) {
          consider({
            rank: { sleep, handOffs: k, spread },
            plan: { bounds, zones: taken },
          });
          return;
        }
        for (const option of options[i]) {
          if (taken.includes(option.zone)) continue;
          choose(i + 1, [...taken, option.zone], sleep + option.cost);
        }
      };
      choose(0, [], 0);
    }
  }
  return best;
}

const clockText = (minutes: number) =>
  `${String(Math.floor(minutes / 60) % 24).padStart(2, '0')}:${String(
    minutes % 60,
  ).padStart(2, '0')}`;

/**
 * Proposes a daily hand-off plan for round-the-clock cover that keeps
 * on-call time out of sleep hours: members grouped into sites by time zone,
 * 1 to 3 sites, hand-offs on a 30-minute UTC grid, chosen to minimise the
 * on-call minutes inside the on-call site's sleep hours on `day`; ties go
 * to fewer hand-offs, then the most even split of hours between sites, then
 * the earliest hand-off times. The search is exhaustive
 * (docs/rotation-planning.md). Undefined without members.
 *
 * @public
 */
export function proposeFollowTheSun(input: {
  members: PlanPerson[];
  workingTime: WorkingTime;
  day: BurdenInstant;
  gridMinutes?: number;
  maxSites?: number;
}): FollowTheSunPlan | undefined {
  const grid = input.gridMinutes ?? HAND_OFF_GRID_MINUTES;
  if (!Number.isInteger(grid) || grid <= 0 || (24 * 60) % grid !== 0) {
    throw new RangeError(
      `gridMinutes must divide a day into whole slots, got ${grid}`,
    );
  }
  const dayStart = Math.floor(toInstant(input.day) / DAY_MS) * DAY_MS;
  const siteMembers = new Map<string, string[]>();
  for (const member of input.members) {
    const zone = canonicalTimezone(member.timezone);
    siteMembers.set(zone, [...(siteMembers.get(zone) ?? []), member.userRef]);
  }
  const costs = sleepBySlot(
    [...siteMembers.keys()],
    dayStart,
    input.workingTime,
    grid,
  );
  const best = bestSlotPlan(costs, input.maxSites);
  if (!best) return undefined;
  const slots = (24 * 60) / grid;
  const bounds = best.plan.bounds.length ? best.plan.bounds : [0];
  const sites = best.plan.zones.map((zone, i) => {
    const from = bounds[i];
    const to = i + 1 < bounds.length ? bounds[i + 1] : bounds[0] + slots;
    const slotCosts = costs.get(zone)!;
    let sleep = 0;
    for (let s = from; s < to; s++) sleep += slotCosts[s % slots];
    return {
      timezone: zone,
      members: siteMembers.get(zone)!,
      from: clockText(from * grid),
      to: clockText(to * grid),
      hours: ((to - from) * grid) / 60,
      sleepMinutes: sleep,
    };
  });
  return {
    day: new Date(dayStart).toISOString().slice(0, 10),
    sites,
    handOffs: best.rank.handOffs,
    sleepMinutesPerDay: best.rank.sleep,
  };
}
