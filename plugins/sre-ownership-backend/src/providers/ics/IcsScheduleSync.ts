import {
  AuthService,
  LoggerService,
  UrlReaderService,
} from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { SRE_OWNERSHIP_ANNOTATIONS } from '@sre-ownership/plugin-sre-ownership-common';
import { ScheduleFeedConfig } from '../../config';
import { OncallStore, TimeRange } from '../../database/OncallStore';
import {
  IcsScheduleWarning,
  icsScheduleSource,
  parseIcsSchedule,
} from './parseIcsSchedule';
import { readIcsFeed } from './readIcsFeed';
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
    }
  | { ok: false; error: string }
);

const describeWarning = (warning: IcsScheduleWarning) =>
  [
    warning.summary !== undefined ? `"${warning.summary}"` : undefined,
    warning.startsAt ? `at ${warning.startsAt}` : undefined,
    warning.message,
  ]
    .filter(Boolean)
    .join(' ');

/**
 * Reads every on-call schedule feed, from Groups annotated with
 * `sre-ownership.io/oncall-schedule-url` and from `sreOwnership.schedules`,
 * and stores its shifts from 90 days ago to 60 days ahead in place of what
 * the feed said before. A feed that cannot be read or parsed is logged and
 * its stored shifts are left as they were; the other feeds go on.
 */
export class IcsScheduleSync {
  constructor(
    private readonly options: {
      catalog: CatalogService;
      auth: AuthService;
      logger: LoggerService;
      store: OncallStore;
      /** Reads http(s) feeds; without it they are fetched directly (tests). */
      urlReader?: UrlReaderService;
      /** Feeds from app-config. */
      feeds: ScheduleFeedConfig[];
      /** Directory relative feed paths are read from; the working directory by default. */
      baseDir?: string;
      now?: () => Date;
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
    const outcomes: IcsFeedOutcome[] = [];
    const sources = new Set<string>();
    for (const feed of [...this.feedsOf(groups), ...this.options.feeds]) {
      signal?.throwIfAborted();
      const source = icsScheduleSource(feed.name);
      if (sources.has(source)) {
        logger.warn(
          `Skipped on-call schedule feed ${feed.name}: another feed has that name`,
        );
        continue;
      }
      sources.add(source);
      outcomes.push(await this.syncFeed(feed, range, resolveUser, signal));
    }
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
    signal?: AbortSignal,
  ): Promise<IcsFeedOutcome> {
    const { logger, store } = this.options;
    const about = { feed: feed.name, teamRef: feed.teamRef };
    try {
      const ics = await readIcsFeed(feed.url, {
        allowLocalFiles: !feed.fromCatalog,
        urlReader: this.options.urlReader,
        baseDir: this.options.baseDir ?? process.cwd(),
        signal,
      });
      const { shifts, warnings } = parseIcsSchedule({
        ics,
        range,
        feed,
        resolveUser,
      });
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
      if (warnings.length > 0) {
        const shown = warnings
          .slice(0, WARNINGS_LOGGED_PER_FEED)
          .map(describeWarning);
        const more = warnings.length - shown.length;
        logger.warn(
          `On-call schedule feed ${feed.name}: ${
            warnings.length
          } left out: ${shown.join('; ')}${
            more > 0 ? `; and ${more} more` : ''
          }`,
        );
      }
      return {
        ...about,
        ok: true,
        shifts: shifts.length,
        written,
        deleted,
        warnings,
      };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      logger.warn(
        `Skipped on-call schedule feed ${feed.name} (${feed.teamRef}), its stored shifts are unchanged: ${message}`,
      );
      return { ...about, ok: false, error: message };
    }
  }
}
