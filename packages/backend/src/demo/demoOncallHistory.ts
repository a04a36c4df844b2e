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
  engineers: string[];
  services: string[];
  /** Hours of the day (UTC) the rotation covers: [start, end). */
  coverage: [number, number];
  /** Shift length in days; engineers take turns. */
  shiftDays: number;
  /** Pages per 12 hours on call, in the last 14 days and before. */
  pagesPerShift: { recent: number; earlier: number };
  /** Share of pages at night. */
  nightShare: number;
  /** Toil minutes per engineer per working day. */
  toilMinutesPerDay: number;
}

/**
 * Three teams with visibly different health: payments is overloaded (two
 * people carry a 24/7 pager that keeps ringing at night), search is at risk
 * (a sustainable rotation with too many pages), mobile is healthy (a
 * business-hours rotation of three). Platform SRE gets pages only: its shifts
 * come from its iCalendar feed.
 */
const TEAMS: DemoTeam[] = [
  {
    team: 'group:default/payments',
    engineers: ['jane-doe', 'tom-becker'],
    services: ['payments-api', 'payments-ledger', 'fraud-scoring'],
    coverage: [0, 24],
    shiftDays: 7,
    pagesPerShift: { recent: 4.5, earlier: 3 },
    nightShare: 0.45,
    toilMinutesPerDay: 270,
  },
  {
    team: 'group:default/search',
    engineers: ['kenji-sato', 'olivia-brown', 'noah-wilson', 'ines-garcia'],
    services: ['search-api', 'search-indexer'],
    coverage: [0, 24],
    shiftDays: 7,
    pagesPerShift: { recent: 2.6, earlier: 1.6 },
    nightShare: 0.25,
    toilMinutesPerDay: 150,
  },
  {
    team: 'group:default/mobile',
    engineers: ['fatima-zahra', 'lucas-martin', 'ana-souza'],
    services: ['mobile-bff', 'notification-service'],
    coverage: [15, 27],
    shiftDays: 7,
    pagesPerShift: { recent: 0.5, earlier: 0.6 },
    nightShare: 0,
    toilMinutesPerDay: 60,
  },
];

const PLATFORM_PAGES = {
  team: 'group:default/platform-sre',
  services: ['payments-db', 'status-page'],
  perDay: 0.6,
};

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

function teamEvents(
  team: DemoTeam,
  now: number,
  days: number,
  next: () => number,
) {
  const shifts: OncallShift[] = [];
  const pages: OncallPage[] = [];
  const toil: ToilEntry[] = [];
  const start = Math.floor((now - days * DAY) / DAY) * DAY;
  const name = team.team.split('/')[1];
  for (let day = 0; day * DAY + start < now + 14 * DAY; day++) {
    const dayStart = start + day * DAY;
    const engineer =
      team.engineers[Math.floor(day / team.shiftDays) % team.engineers.length];
    const [from, to] = team.coverage;
    const shiftStart = dayStart + from * HOUR;
    const shiftEnd = dayStart + to * HOUR;
    shifts.push({
      source: 'demo',
      externalId: `demo/${name}/shift/${day}`,
      teamRef: team.team,
      userRef: `user:default/${engineer}`,
      schedule: `${name}-primary`,
      startsAt: new Date(shiftStart).toISOString(),
      endsAt: new Date(shiftEnd).toISOString(),
    });
    if (shiftStart >= now) continue;
    const recent = dayStart >= now - 14 * DAY;
    const perDay =
      ((recent ? team.pagesPerShift.recent : team.pagesPerShift.earlier) *
        (to - from)) /
      12;
    const count = Math.floor(perDay) + (next() < perDay % 1 ? 1 : 0);
    for (let n = 0; n < count; n++) {
      const night = next() < team.nightShare;
      const offset = night
        ? (next() * 6 + 0) * HOUR
        : (from + 8 + next() * Math.max(1, to - from - 10)) * HOUR;
      const at = Math.min(dayStart + offset, shiftEnd - HOUR);
      if (at >= now) continue;
      pages.push(
        page(next, {
          team: team.team,
          service: team.services[n % team.services.length],
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
 * future shifts so "on call now" and "next" are filled. Deterministic for a
 * given `now`.
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
        service: PLATFORM_PAGES.services[day % 2],
        at,
        id: `demo/platform-sre/page/${day}`,
      }),
    );
  }
  return batch;
}
