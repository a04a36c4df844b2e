import { createHash } from 'node:crypto';
import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  OwnershipDefaults,
  ResolvedOwnership,
  SRE_OWNERSHIP_ANNOTATIONS,
  resolveOwnership,
  whoIsOnCall,
} from '@sre-ownership/plugin-sre-ownership-common';
import { OncallStore } from '../oncall/OncallStore';
import { ON_CALL_LOOKAROUND_MS } from '../oncall/OnCallNowReader';
import { buildIndexEntry, onCallTeamsOf, OnCallFacts } from './indexEntry';
import { OverviewSettings } from './overviewConfig';
import { IndexRowWrite, ReliabilityIndexStore } from './ReliabilityIndexStore';
import { indexKey } from './DatabaseReliabilityIndexStore';

/** Kinds the index holds a row for. */
export const INDEXED_KINDS = [
  'component',
  'api',
  'resource',
  'system',
  'domain',
  'group',
];
// Users are read too: they are the people ownership names.
const READ_KINDS = [...INDEXED_KINDS, 'user'];

/** The fields resolution and the overview read; nothing else is fetched. */
const INDEX_FIELDS = [
  'kind',
  'metadata.name',
  'metadata.namespace',
  'metadata.title',
  'metadata.description',
  'metadata.tags',
  'metadata.annotations',
  'metadata.etag',
  'spec.system',
  'spec.domain',
  'spec.owner',
  'spec.parent',
  'spec.lifecycle',
  'spec.profile',
  // Searched: "database" finds the Resources of that type.
  'spec.type',
];
const PROBE_FIELDS = [
  'kind',
  'metadata.name',
  'metadata.namespace',
  'metadata.etag',
];
const REFS_PER_REQUEST = 500;
// Each page of a catalog stream costs a query over the whole filtered
// catalog (at 50,000 entities on PostgreSQL, about as much as reading
// thousands of entities), so streams read large pages: a probe row is four
// short fields, an index row a trimmed entity of a kilobyte or two.
export const PROBE_PAGE_SIZE = 10_000;
const INDEX_PAGE_SIZE = 2_000;
// Beyond this many changed entities one streamed read is cheaper than
// fetching them by ref.
const FULL_READ_THRESHOLD = 2_000;

/** Probes of an empty catalog after which it counts as read. */
const EMPTY_PROBES_TO_SETTLE = 5;

/** What one refresh did. */
export interface IndexRefresh {
  /** Entities read from the catalog in full. */
  read: number;
  written: number;
  removed: number;
  /** True when the whole catalog was streamed. */
  full: boolean;
  /**
   * True while the catalog is still being read after start: this run wrote
   * nothing, and the index is not built from it.
   */
  settling?: boolean;
}

/**
 * Keeps the reliability index in step with the catalog. Each run compares
 * every entity's etag (a small streamed read), re-reads only the changed
 * ones with the fields resolution needs, re-resolves, and writes the rows
 * whose result changed. Runs as a global scheduled task, so one replica at a
 * time does the work; the catalog outline it keeps is a cache of that
 * replica's last run, rebuilt in one streamed read when empty.
 */
export class ReliabilityIndexer {
  private readonly outline = new Map<string, Entity>();
  private built = false;
  /** Whether the catalog has been seen whole since start; see refresh(). */
  private settled = false;
  private lastProbe = '';
  private emptyProbes = 0;
  /** The on-call teams the last resolution of the outline named. */
  private onCallTeams?: Set<string>;
  private lastOnCall = '';

  constructor(
    private readonly options: {
      catalog: CatalogService;
      auth: AuthService;
      logger: LoggerService;
      store: ReliabilityIndexStore;
      oncall: OncallStore;
      defaults: OwnershipDefaults;
      settings: Pick<OverviewSettings, 'tiers' | 'defaultTier'>;
      /** Groups with a schedule feed in app-config. */
      scheduledInConfig: string[];
      now?: () => Date;
    },
  ) {}

  async refresh(): Promise<IndexRefresh> {
    const credentials = await this.options.auth.getOwnServiceCredentials();
    const etags = new Map<string, string | undefined>();
    for await (const page of this.options.catalog.streamEntities(
      {
        fields: PROBE_FIELDS,
        filter: { kind: READ_KINDS },
        pageSize: PROBE_PAGE_SIZE,
      },
      { credentials },
    )) {
      for (const entity of page) {
        etags.set(stringifyEntityRef(entity), entity.metadata.etag);
      }
    }
    const changed = [...etags].filter(
      ([ref, etag]) => this.outline.get(ref)?.metadata.etag !== etag || !etag,
    );
    const removedFromCatalog = [...this.outline.keys()].filter(
      ref => !etags.has(ref),
    );
    removedFromCatalog.forEach(ref => this.outline.delete(ref));

    const full =
      this.outline.size === 0 || changed.length > FULL_READ_THRESHOLD;
    let read = 0;
    if (full) {
      this.outline.clear();
      for await (const page of this.options.catalog.streamEntities(
        {
          fields: INDEX_FIELDS,
          filter: { kind: READ_KINDS },
          pageSize: INDEX_PAGE_SIZE,
        },
        { credentials },
      )) {
        for (const entity of page) {
          this.outline.set(stringifyEntityRef(entity), entity);
        }
        read += page.length;
      }
    } else {
      const refs = changed.map(([ref]) => ref);
      for (let i = 0; i < refs.length; i += REFS_PER_REQUEST) {
        const entityRefs = refs.slice(i, i + REFS_PER_REQUEST);
        const { items } = await this.options.catalog.getEntitiesByRefs(
          { entityRefs, fields: INDEX_FIELDS },
          { credentials },
        );
        items.forEach((entity, index) => {
          if (entity) this.outline.set(entityRefs[index], entity);
          else this.outline.delete(entityRefs[index]);
        });
        read += entityRefs.length;
      }
    }

    // The catalog is still being read after start (its locations are
    // processed in the background) until two probes in a row find the same
    // entities with the same etags. Until then the index is not written: a
    // half-read catalog would pass for the whole one, and the overview would
    // advise declaring ownership that is declared in entities not read yet.
    if (!this.settled) {
      const probe = JSON.stringify(
        [...etags].sort(([a], [b]) => a.localeCompare(b)),
      );
      // An empty catalog settles too, but only after several probes: at
      // start the catalog may not have read its first location yet.
      this.emptyProbes = etags.size === 0 ? this.emptyProbes + 1 : 0;
      const same =
        probe === this.lastProbe &&
        (etags.size > 0 || this.emptyProbes >= EMPTY_PROBES_TO_SETTLE);
      this.lastProbe = probe;
      if (!same) return { read, written: 0, removed: 0, full, settling: true };
      this.settled = true;
    }

    const catalogChanged = read > 0 || removedFromCatalog.length > 0;
    // Resolution reads nothing but the outline: while it is unchanged, so
    // are the on-call teams, and only who is on call can change a row.
    let resolved: Map<string, ResolvedOwnership> | undefined;
    if (catalogChanged || !this.onCallTeams) {
      resolved = this.resolveAll();
      this.onCallTeams = new Set(
        [...resolved.values()].flatMap(ownership => onCallTeamsOf(ownership)),
      );
    }
    const onCall = await this.onCallFacts(this.onCallTeams);
    const onCallKey = JSON.stringify([
      [...onCall.scheduled].sort(),
      [...onCall.staffedNow].sort(),
    ]);
    if (!catalogChanged && onCallKey === this.lastOnCall && this.built) {
      await this.options.store.apply({ write: [], removed: [] });
      return { read, written: 0, removed: 0, full };
    }
    const result = await this.write(resolved ?? this.resolveAll(), onCall);
    this.lastOnCall = onCallKey;
    this.built = true;
    return { read, full, ...result };
  }

  private resolveAll(): Map<string, ResolvedOwnership> {
    const lookup = (ref: string) => this.outline.get(ref) ?? null;
    const resolved = new Map<string, ResolvedOwnership>();
    for (const [ref, entity] of this.outline) {
      if (!INDEXED_KINDS.includes(entity.kind.toLocaleLowerCase('en-US'))) {
        continue;
      }
      resolved.set(
        ref,
        resolveOwnership({ entity, lookup, defaults: this.options.defaults }),
      );
    }
    return resolved;
  }

  /** Which on-call teams have a schedule, and which have someone on call now. */
  private async onCallFacts(teams: Set<string>): Promise<OnCallFacts> {
    const now = this.options.now?.() ?? new Date();
    const range = {
      from: new Date(now.getTime() - ON_CALL_LOOKAROUND_MS),
      to: new Date(now.getTime() + ON_CALL_LOOKAROUND_MS),
    };
    const scheduled = new Set<string>();
    const staffedNow = new Set<string>();
    const shiftsOf = await this.options.oncall.listShiftsOfTeams({
      teamRefs: [...teams],
      range,
    });
    for (const teamRef of teams) {
      const group = this.outline.get(teamRef);
      const shifts = shiftsOf.get(teamRef) ?? [];
      if (
        shifts.length ||
        this.options.scheduledInConfig.includes(teamRef) ||
        group?.metadata.annotations?.[
          SRE_OWNERSHIP_ANNOTATIONS.oncallScheduleUrl
        ]
      ) {
        scheduled.add(teamRef);
      }
      const onCall = whoIsOnCall({ teamRef, shifts, now: now.toISOString() });
      if (onCall.current.length) staffedNow.add(teamRef);
    }
    return { scheduled, staffedNow };
  }

  private async write(
    resolved: Map<string, ResolvedOwnership>,
    onCall: OnCallFacts,
  ): Promise<{ written: number; removed: number }> {
    // Read every time: another replica may have run the task since.
    const stored = await this.options.store.hashes();
    const lookup = (ref: string) => this.outline.get(ref) ?? null;
    const write: IndexRowWrite[] = [];
    const present = new Set<string>();
    for (const [ref, ownership] of resolved) {
      const entity = this.outline.get(ref)!;
      const { summary } = buildIndexEntry({
        entity,
        lookup,
        settings: this.options.settings,
        onCall,
        resolved: ownership,
      });
      const row = {
        entityRef: ref,
        kind: summary.kind,
        summary: JSON.stringify(summary),
        resolved: JSON.stringify(ownership),
      };
      const hash = createHash('sha1')
        .update(row.summary)
        .update(row.resolved)
        .digest('hex');
      const key = indexKey(ref);
      present.add(key);
      if (stored.get(key) !== hash) write.push({ ...row, hash });
    }
    const removed = [...stored.keys()].filter(key => !present.has(key));
    await this.options.store.apply({ write, removed });
    if (write.length || removed.length) {
      this.options.logger.info(
        `Reliability index: ${write.length} entities written, ${removed.length} removed`,
      );
    }
    return { written: write.length, removed: removed.length };
  }
}
