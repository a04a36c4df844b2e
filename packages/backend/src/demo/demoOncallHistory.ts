import {
  OncallPage,
  OncallShift,
  PageSeverity,
  ToilEntry,
} from '@sre-ownership/plugin-sre-ownership-common';

/** A batch as the plugin's bulk API (`POST /api/sre-ownership/events`) takes it. */
export interface OncallEventBatch {
  shifts?: OncallShift[];
  pages?: OncallPage[];
  toil?: ToilEntry[];
}

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

/** How one demo team's pager behaves. */
interface DemoTeam {
  team: string;
  /** In rotation order; `lastOff` has just handed over. */
  engineers: string[];
  /** The engineer whose turn ended last, so the demo can invite them. */
  lastOff: string;
  /** Services with their share of the team's pages. */
  services: Array<[string, number]>;
  /**
   * Hours of the day (UTC) the rotation covers: [start, end). A whole day
   * means one shift per turn (24/7); less means one shift per day of it.
   */
  coverage: [number, number];
  /** Days per turn; engineers take turns. */
  turnDays: number;
  /** Pages per 12 hours on call, in the last 14 days and before. */
  pagesPerShift: { recent: number; earlier: number };
  /** Share of pages at night. */
  nightShare: number;
  /** Toil minutes per engineer per working day. */
  toilMinutesPerDay: number;
}

/**
 * Three teams with visibly different health: payments is overloaded (three
 * people carry a 24/7 pager that keeps ringing at night; Chloe Dubois, whom
 * the demo signs in as, handed it over two days ago), search is at risk (a
 * sustainable rotation with too many pages), mobile is healthy (a
 * business-hours rotation of three). Platform SRE gets pages only: its shifts
 * come from its iCalendar feed. Data Platform has no history at all.
 */
const TEAMS: DemoTeam[] = [
  {
    team: 'group:default/payments',
    engineers: ['jane-doe', 'tom-becker', 'chloe-dubois'],
    lastOff: 'chloe-dubois',
    services: [
      ['payments-api', 0.6],
      ['payments-ledger', 0.25],
      ['fraud-scoring', 0.15],
    ],
    coverage: [0, 24],
    turnDays: 7,
    pagesPerShift: { recent: 4.5, earlier: 3 },
    nightShare: 0.45,
    toilMinutesPerDay: 270,
  },
  {
    team: 'group:default/search',
    engineers: ['kenji-sato', 'olivia-brown', 'noah-wilson', 'ines-garcia'],
    lastOff: 'ines-garcia',
    services: [
      ['search-api', 0.7],
      ['search-indexer', 0.3],
    ],
    coverage: [0, 24],
    turnDays: 7,
    pagesPerShift: { recent: 2.6, earlier: 1.6 },
    nightShare: 0.25,
    toilMinutesPerDay: 150,
  },
  {
    team: 'group:default/mobile',
    engineers: ['fatima-zahra', 'lucas-martin', 'ana-souza'],
    lastOff: 'ana-souza',
    services: [
      ['mobile-bff', 0.65],
      ['notification-service', 0.35],
    ],
    coverage: [15, 27],
    turnDays: 7,
    pagesPerShift: { recent: 0.5, earlier: 0.6 },
    nightShare: 0,
    toilMinutesPerDay: 60,
  },
];

const PLATFORM_PAGES = {
  team: 'group:default/platform-sre',
  services: [
    ['payments-db', 0.7],
    ['status-page', 0.3],
  ] as Array<[string, number]>,
  perDay: 0.6,
};

/** Hand-overs are at 09:00 UTC; the last one was two days ago. */
const HANDOVER_HOUR = 9;
const DAYS_SINCE_HANDOVER = 2;

// A small deterministic generator (mulberry32): the same demo on every machine.
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SEVERITY_WEIGHTS: Array<[PageSeverity, number]> = [
  ['critical', 0.1],
  ['high', 0.35],
  ['medium', 0.4],
  ['low', 0.15],
];

function severity(next: () => number): PageSeverity {
  let roll = next();
  for (const [value, weight] of SEVERITY_WEIGHTS) {
    roll -= weight;
    if (roll <= 0) return value;
  }
  return 'low';
}

function page(
  next: () => number,
  options: {
    team: string;
    service: string;
    responder?: string;
    at: number;
    id: string;
  },
): OncallPage {
  const ack = options.at + (2 + next() * 13) * 60_000;
  const resolved = ack + (10 + next() * 80) * 60_000;
  return {
    source: 'demo',
    externalId: options.id,
    entityRef: `component:default/${options.service}`,
    teamRef: options.team,
    ...(options.responder
      ? { responderRef: `user:default/${options.responder}` }
      : {}),
    severity: severity(next),
    title: `${options.service}: ${
      [
        'error rate above SLO',
        'latency p99 high',
        'saturation',
        'dependency failing',
      ][Math.floor(next() * 4)]
    }`,
    triggeredAt: new Date(options.at).toISOString(),
    acknowledgedAt: new Date(ack).toISOString(),
    resolvedAt: new Date(resolved).toISOString(),
  };
}

/** A service drawn by its share of the pages. */
function pick(next: () => number, services: Array<[string, number]>): string {
  let roll = next();
  for (const [service, share] of services) {
    roll -= share;
    if (roll <= 0) return service;
  }
  return services[services.length - 1][0];
}

/** The turns of a rotation: [start, end) and who is on call, oldest first. */
function turns(team: DemoTeam, now: number, from: number, to: number) {
  const handover =
    Math.floor(now / DAY) * DAY -
    DAYS_SINCE_HANDOVER * DAY +
    HANDOVER_HOUR * HOUR;
  const length = team.turnDays * DAY;
  const first = Math.floor((from - handover) / length);
  const last = Math.ceil((to - handover) / length);
  const offOrder = team.engineers.indexOf(team.lastOff);
  const result: Array<{
    index: number;
    start: number;
    end: number;
    engineer: string;
  }> = [];
  for (let index = first; index < last; index++) {
    // Turn -1 ended at the last hand-over: it was `lastOff`'s.
    const slot =
      (((offOrder + 1 + index) % team.engineers.length) +
        team.engineers.length) %
      team.engineers.length;
    result.push({
      index,
      start: handover + index * length,
      end: handover + (index + 1) * length,
      engineer: team.engineers[slot],
    });
  }
  return result;
}

function teamEvents(
  team: DemoTeam,
  now: number,
  days: number,
  next: () => number,
) {
  const shifts: OncallShift[] = [];
  const pages: OncallPage[] = [];
  const toil: ToilEntry[] = [];
  const from = Math.floor((now - days * DAY) / DAY) * DAY;
  const name = team.team.split('/')[1];
  const [coverFrom, coverTo] = team.coverage;
  const allDay = coverTo - coverFrom >= 24;
  const shift = (id: string, engineer: string, start: number, end: number) =>
    shifts.push({
      source: 'demo',
      externalId: `demo/${name}/shift/${id}`,
      teamRef: team.team,
      userRef: `user:default/${engineer}`,
      schedule: `${name}-primary`,
      startsAt: new Date(start).toISOString(),
      endsAt: new Date(end).toISOString(),
    });
  const rotation = turns(team, now, from, now + 14 * DAY);
  // A 24/7 rotation is one shift per turn, as a schedule export has it; a
  // business-hours one is a shift per day of the turn.
  for (const turn of rotation) {
    if (allDay) {
      shift(`turn/${turn.index}`, turn.engineer, turn.start, turn.end);
      continue;
    }
    for (let k = 0; k < team.turnDays; k++) {
      const dayStart = Math.floor((turn.start + k * DAY) / DAY) * DAY;
      shift(
        `turn/${turn.index}/${k}`,
        turn.engineer,
        dayStart + coverFrom * HOUR,
        dayStart + coverTo * HOUR,
      );
    }
  }
  const onCallAt = (at: number) =>
    rotation.find(turn => at >= turn.start && at < turn.end)?.engineer;
  for (let dayStart = from; dayStart < now; dayStart += DAY) {
    const day = Math.round((dayStart - from) / DAY);
    const recent = dayStart >= now - 14 * DAY;
    const perDay =
      ((recent ? team.pagesPerShift.recent : team.pagesPerShift.earlier) *
        (coverTo - coverFrom)) /
      12;
    const count = Math.floor(perDay) + (next() < perDay % 1 ? 1 : 0);
    for (let n = 0; n < count; n++) {
      const night = next() < team.nightShare;
      const offset = night
        ? next() * 6 * HOUR
        : (coverFrom + 8 + next() * Math.max(1, coverTo - coverFrom - 10)) *
          HOUR;
      const at = Math.min(dayStart + offset, dayStart + coverTo * HOUR - HOUR);
      const engineer = onCallAt(at);
      if (at >= now || !engineer) continue;
      pages.push(
        page(next, {
          team: team.team,
          service: pick(next, team.services),
          responder: engineer,
          at,
          id: `demo/${name}/page/${day}/${n}`,
        }),
      );
    }
    const weekday = new Date(dayStart).getUTCDay();
    if (weekday === 0 || weekday === 6) continue;
    team.engineers.forEach((member, index) => {
      toil.push({
        source: 'demo',
        externalId: `demo/${name}/toil/${day}/${index}`,
        teamRef: team.team,
        userRef: `user:default/${member}`,
        category: ['manual deploys', 'ticket triage', 'access requests'][
          index % 3
        ],
        startedAt: new Date(dayStart + 10 * HOUR).toISOString(),
        minutes: Math.round(team.toilMinutesPerDay * (0.7 + next() * 0.6)),
      });
    });
  }
  return { shifts, pages, toil };
}

/**
 * The demo's on-call history: `days` days up to `now`, plus two weeks of
 * future shifts so "on call now" and "next" are filled. Shifts are whole
 * turns (a week of a 24/7 pager is one shift), handed over at 09:00 UTC two
 * days before `now`. Deterministic for a given `now`.
 */
export function generateDemoEvents(now: Date, days = 90): OncallEventBatch {
  const next = random(20261123);
  const batch: Required<OncallEventBatch> = { shifts: [], pages: [], toil: [] };
  for (const team of TEAMS) {
    const events = teamEvents(team, now.getTime(), days, next);
    batch.shifts.push(...events.shifts);
    batch.pages.push(...events.pages);
    batch.toil.push(...events.toil);
  }
  const start = now.getTime() - days * DAY;
  for (let day = 0; day < days; day++) {
    if (next() > PLATFORM_PAGES.perDay) continue;
    const at = start + day * DAY + next() * DAY;
    batch.pages.push(
      page(next, {
        team: PLATFORM_PAGES.team,
        service: pick(next, PLATFORM_PAGES.services),
        at,
        id: `demo/platform-sre/page/${day}`,
      }),
    );
  }
  return batch;
}
