import {
  AuthService,
  LoggerService,
  UrlReaderService,
} from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { SRE_OWNERSHIP_ANNOTATIONS } from '@sre-ownership/plugin-sre-ownership-common';
import { ScheduleFeedConfig } from '../scheduleConfig';
import { FeedLeftOut, OncallStore, TimeRange } from '../../oncall/OncallStore';
import { decodeIcsFeed } from './decodeIcsFeed';
import { FeedError, feedFailure, FeedStage, maskForLog } from './feedErrors';
import { checkFeedShifts, countLeftOut } from './feedRecords';
import {
  DEFAULT_FEED_LIMITS,
  IcsScheduleWarning,
  icsScheduleSource,
  NO_USER_MATCHES,
  parseIcsScheduleYielding,
} from './parseIcsSchedule';
import { MAX_FEED_BYTES, readIcsFeed } from './readIcsFeed';
import {
  createShiftUserResolver,
  SHIFT_USER_FIELDS,
} from './shiftUserResolver';

const DAY_MS = 86_400_000;
/** How far back feeds are read; older stored shifts are left alone. */
const PAST_DAYS = 90;
/** How far ahead feeds are read. */
const FUTURE_DAYS = 60;
const WARNINGS_LOGGED_PER_FEED = 5;

/**
 * How feeds are read. Four at a time keeps a slow feed from holding up the
 * others without opening many connections at once; 30 s is ten times what
 * a large PagerDuty export takes; the size and expansion limits are in
 * readIcsFeed and parseIcsSchedule.
 */
export const FEED_LIMITS = {
  concurrency: 4,
  timeoutMs: 30_000,
  maxBytes: MAX_FEED_BYTES,
  ...DEFAULT_FEED_LIMITS,
};

/** Rejects when the signal aborts, even if the work ignores it. */
function abortable<T>(
  work: Promise<T>,
  signal: AbortSignal,
  reason: string,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new FeedError(reason));
    if (signal.aborted) onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    work
      .then(resolve, reject)
      .finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/** What happened to one feed in a run. */
export type IcsFeedOutcome = {
  feed: string;
  teamRef: string;
} & (
  | {
      ok: true;
      shifts: number;
      written: number;
      deleted: number;
      warnings: IcsScheduleWarning[];
      leftOut: FeedLeftOut[];
      /** Set when the read succeeded but needs the admin, e.g. no User matched. */
      warning?: string;
    }
  | { ok: false; error: string }
);

// A summary is the feed's text: quoted and cut, so a log line stays one line.
const quote = (summary: string) =>
  JSON.stringify(summary.length > 80 ? `${summary.slice(0, 80)}…` : summary);

const describeWarning = (warning: IcsScheduleWarning) =>
  [
    warning.uid !== undefined ? `UID ${quote(warning.uid)}` : undefined,
    warning.summary !== undefined ? quote(warning.summary) : undefined,
    warning.startsAt ? `at ${warning.startsAt}` : undefined,
    warning.line !== undefined ? `(line ${warning.line})` : undefined,
    warning.message,
  ]
    .filter(Boolean)
    .join(' ');

/**
 * Reads every on-call schedule feed, from Groups annotated with
 * `sre-ownership.io/oncall-schedule-url` and from `sreOwnership.schedules`,
 * and stores its shifts from 90 days ago to 60 days ahead in place of what
 * the feed said before. Feeds are read a few at a time, each within
 * {@link FEED_LIMITS}; a feed that cannot be read or parsed in time, or
 * costs more than they allow, is logged and recorded for that feed (GET
 * /schedules/status) and its stored shifts are left as they were; the
 * other feeds go on.
 */
export class IcsScheduleSync {
  constructor(
    private readonly options: {
      catalog: CatalogService;
      auth: AuthService;
      logger: LoggerService;
      store: OncallStore;
      /** Reads http(s) feeds, under `backend.reading.allow`. */
      urlReader: UrlReaderService;
      /** Feeds from app-config. */
      feeds: ScheduleFeedConfig[];
      /** Directory relative feed paths are read from; the working directory by default. */
      baseDir?: string;
      now?: () => Date;
      /** Overrides of {@link FEED_LIMITS}. */
      limits?: Partial<typeof FEED_LIMITS>;
    },
  ) {}

  /** Reads every feed once. */
  async run(signal?: AbortSignal): Promise<IcsFeedOutcome[]> {
    const { catalog, auth, logger } = this.options;
    const credentials = await auth.getOwnServiceCredentials();
    const [{ items: users }, { items: groups }] = await Promise.all([
      catalog.getEntities(
        { filter: { kind: 'User' }, fields: SHIFT_USER_FIELDS },
        { credentials },
      ),
      catalog.getEntities(
        {
          filter: { kind: 'Group' },
          fields: [
            'kind',
            'metadata.name',
            'metadata.namespace',
            'metadata.annotations',
          ],
        },
        { credentials },
      ),
    ]);
    if (users.length === 0) {
      // Right after a start the catalog may not be loaded yet; replacing now
      // would delete every stored shift as unmatched.
      logger.warn(
        'Skipped reading on-call schedule feeds: the catalog has no Users yet',
      );
      return [];
    }
    const resolveUser = createShiftUserResolver(users);
    const now = (this.options.now?.() ?? new Date()).getTime();
    const range = {
      from: new Date(now - PAST_DAYS * DAY_MS),
      to: new Date(now + FUTURE_DAYS * DAY_MS),
    };
    const feeds: ScheduleFeedConfig[] = [];
    const sources = new Set<string>();
    for (const feed of [...this.feedsOf(groups), ...this.options.feeds]) {
      const source = icsScheduleSource(feed.name);
      if (sources.has(source)) {
        logger.warn(
          `Skipped on-call schedule feed ${feed.name}: another feed has that name`,
        );
        continue;
      }
      sources.add(source);
      feeds.push(feed);
    }
    // A few feeds at a time, each with its own time limit: a slow or
    // endless feed fails alone and never holds up the others.
    const limits = { ...FEED_LIMITS, ...this.options.limits };
    const outcomes: IcsFeedOutcome[] = new Array(feeds.length);
    let nextFeed = 0;
    const worker = async () => {
      while (nextFeed < feeds.length) {
        signal?.throwIfAborted();
        const index = nextFeed++;
        outcomes[index] = await this.syncFeed(
          feeds[index],
          range,
          resolveUser,
          limits,
          signal,
        );
      }
    };
    await Promise.all(
      Array.from(
        { length: Math.min(limits.concurrency, feeds.length) },
        worker,
      ),
    );
    return outcomes;
  }

  private feedsOf(groups: Entity[]): ScheduleFeedConfig[] {
    return groups.flatMap(group => {
      const url =
        group.metadata.annotations?.[
          SRE_OWNERSHIP_ANNOTATIONS.oncallScheduleUrl
        ]?.trim();
      if (!url) return [];
      const teamRef = stringifyEntityRef(group);
      return [{ name: teamRef, url, teamRef, fromCatalog: true }];
    });
  }

  private async syncFeed(
    feed: ScheduleFeedConfig,
    range: TimeRange,
    resolveUser: ReturnType<typeof createShiftUserResolver>,
    limits: typeof FEED_LIMITS,
    taskSignal?: AbortSignal,
  ): Promise<IcsFeedOutcome> {
    const { logger, store } = this.options;
    const about = { feed: feed.name, teamRef: feed.teamRef };
    const timeout = AbortSignal.timeout(limits.timeoutMs);
    const signal = taskSignal
      ? AbortSignal.any([taskSignal, timeout])
      : timeout;
    const deadline = Date.now() + limits.timeoutMs;
    const timedOut = `was not read within ${limits.timeoutMs / 1000} s`;
    let stage: FeedStage = 'read';
    try {
      const bytes = await abortable(
        readIcsFeed(feed.url, {
          allowLocalFiles: !feed.fromCatalog,
          urlReader: this.options.urlReader,
          baseDir: this.options.baseDir ?? process.cwd(),
          signal,
          maxBytes: limits.maxBytes,
        }),
        signal,
        timedOut,
      );
      stage = 'parse';
      const decoded = decodeIcsFeed(bytes);
      const parsed = await parseIcsScheduleYielding({
        ics: decoded.ics,
        range,
        feed,
        resolveUser,
        limits: { ...limits, deadline },
      });
      const { shifts, warnings: broken } = checkFeedShifts(parsed.shifts);
      const warnings = [...decoded.warnings, ...parsed.warnings, ...broken];
      const unmatched = warnings.filter(w => w.message === NO_USER_MATCHES);
      const leftOut = countLeftOut(warnings);
      const aboutRun = {
        ...about,
        ok: true as const,
        shifts: shifts.length,
        warnings: leftOut.reduce((sum, { events }) => sum + events, 0),
        leftOut,
      };
      if (shifts.length === 0 && unmatched.length > 0) {
        // Events were read but none names a known person: a matching
        // problem, not an empty rota and not a broken feed. Storing the
        // empty read would delete the team's future shifts, so they stay;
        // the status says what to fix rather than a plain "ok, 0 shifts".
        const warning = `has ${unmatched.length} shifts in range but none matches a User, so its stored shifts are unchanged: give the Users spec.profile.email as the feed's ATTENDEE addresses, or set summaryPattern for this feed`;
        logger.warn(
          `On-call schedule feed ${feed.name} (${feed.teamRef}) ${warning}`,
        );
        this.logWarnings(feed, warnings);
        await this.record({ ...aboutRun, warning });
        return { ...aboutRun, written: 0, deleted: 0, warnings, warning };
      }
      stage = 'store';
      const { written, deleted } = await store.replaceShifts({
        source: icsScheduleSource(feed.name),
        range,
        shifts,
        // A feed rewrites the future; the past is history, kept even if the
        // feed stops publishing it or a person no longer matches.
        keepBefore: this.options.now?.() ?? new Date(),
      });
      logger.info(
        `On-call schedule feed ${feed.name} (${feed.teamRef}): ${shifts.length} shifts, ${written} written, ${deleted} deleted`,
      );
      this.logWarnings(feed, warnings);
      await this.record(aboutRun);
      return { ...aboutRun, written, deleted, warnings };
    } catch (error) {
      const failure =
        timeout.aborted && !taskSignal?.aborted
          ? { failure: new FeedError(timedOut), internal: false }
          : feedFailure(error, stage);
      const message = failure.failure.message;
      const detail = failure.internal
        ? `; ${maskForLog(String(error), [feed.url])}`
        : '';
      logger.warn(
        `Skipped on-call schedule feed ${feed.name} (${feed.teamRef}), its stored shifts are unchanged: ${message}${detail}`,
      );
      await this.record({ ...about, ok: false, error: failure.failure });
      return { ...about, ok: false, error: message };
    }
  }

  private logWarnings(
    feed: ScheduleFeedConfig,
    warnings: IcsScheduleWarning[],
  ) {
    if (warnings.length === 0) return;
    const shown = warnings
      .slice(0, WARNINGS_LOGGED_PER_FEED)
      .map(describeWarning);
    const more = warnings.length - shown.length;
    this.options.logger.warn(
      `On-call schedule feed ${feed.name}: ${
        warnings.length
      } left out: ${shown.join('; ')}${more > 0 ? `; and ${more} more` : ''}`,
    );
  }

  /**
   * Keeps the outcome where GET /schedules/status shows it. A failure is
   * taken only as a FeedError, whose message is built masked: no other
   * error text can reach the status.
   */
  private async record(
    run:
      | {
          feed: string;
          teamRef: string;
          ok: true;
          shifts: number;
          warnings: number;
          leftOut: FeedLeftOut[];
          warning?: string;
        }
      | { feed: string; teamRef: string; ok: false; error: FeedError },
  ) {
    const at = this.options.now?.() ?? new Date();
    try {
      await this.options.store.recordFeedRun(
        run.ok ? { ...run, at } : { ...run, error: run.error.message, at },
      );
    } catch (error) {
      this.options.logger.warn(
        `Could not record the outcome of schedule feed ${
          run.feed
        }: ${maskForLog(String(error), [])}`,
      );
    }
  }
}
