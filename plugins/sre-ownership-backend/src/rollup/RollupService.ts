import { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  CompoundEntityRef,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { InputError, NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  EntityRollup,
  RollupEntity,
  SloListItem,
  compareSloBurn,
} from '@sre-ownership/plugin-sre-ownership-common';
import { BurdenService } from '../burden/BurdenService';
import {
  BurdenWindowRequest,
  resolveBurdenWindow,
} from '../burden/burdenWindow';
import {
  CatalogReadFilter,
  canRead,
} from '../reliabilityIndex/CatalogReadFilter';
import { IndexSummary } from '../reliabilityIndex/indexEntry';
import { IndexSnapshot } from '../reliabilityIndex/IndexSnapshot';
import { SloStatusStore } from '../slo/SloStatusStore';

/** Kinds that roll up the entities belonging to them. */
export const ROLLUP_KINDS = ['system', 'domain', 'group'] as const;

/** Entities whose pages are counted in parallel. */
const CONCURRENCY = 4;

const key = (ref: string | undefined) => ref?.toLocaleLowerCase('en-US');

/** The stored SLO statuses of the entities that belong to a team, System or Domain. */
export interface RelatedSloStatus {
  entityRef: string;
  /** The entities rolled up, the entity itself first. */
  entities: string[];
  evaluatedAt?: string;
  /** Worst burn first. */
  items: SloListItem[];
}

/**
 * Rolls a System, Domain or team (Group) up from the entities that belong
 * to it, as the reliability index records them: a System's entities name it
 * in `spec.system`; a Domain's are its Systems and their entities; a team's
 * are those it owns (`spec.owner`). Only entities the caller may read count.
 */
export class RollupService {
  constructor(
    private readonly options: {
      catalog: CatalogService;
      snapshot: IndexSnapshot;
      readable: CatalogReadFilter;
      slos: SloStatusStore;
      burden: BurdenService;
      /** The burden window when a request names none. */
      defaultWindowDays: number;
      now?: () => Date;
    },
  ) {}

  /** The entity and what belongs to it, as index summaries the caller may read. */
  async members(
    ref: CompoundEntityRef,
    credentials: BackstageCredentials,
  ): Promise<{ entityRef: string; members: IndexSummary[] }> {
    const kind = ref.kind.toLocaleLowerCase('en-US');
    if (!(ROLLUP_KINDS as readonly string[]).includes(kind)) {
      throw new InputError(
        `kind: ${ref.kind} does not roll up; use a System, a Domain or a Group`,
      );
    }
    const entity = await this.options.catalog.getEntityByRef(ref, {
      credentials,
    });
    if (!entity) {
      throw new NotFoundError(
        `No entity ${stringifyEntityRef(ref)} in the catalog`,
      );
    }
    const entityRef = stringifyEntityRef(entity);
    const [view, readable] = await Promise.all([
      this.options.snapshot.view(),
      this.options.readable.forCaller(credentials),
    ]);
    const target = key(entityRef);
    const belongs = (summary: IndexSummary) => {
      if (key(summary.entityRef) === target) return kind !== 'group';
      if (kind === 'system') return key(summary.system) === target;
      if (kind === 'domain') return key(summary.domain) === target;
      return (
        summary.kind.toLocaleLowerCase('en-US') !== 'group' &&
        key(summary.owner) === target
      );
    };
    const members = view.summaries
      .filter(belongs)
      .filter(summary => canRead(readable, summary.entityRef))
      .sort(
        (a, b) =>
          Number(key(b.entityRef) === target) -
            Number(key(a.entityRef) === target) ||
          a.entityRef.localeCompare(b.entityRef),
      );
    return { entityRef, members };
  }

  /** The stored SLO statuses of the entity and what belongs to it, worst first. */
  async relatedSlos(
    ref: CompoundEntityRef,
    credentials: BackstageCredentials,
  ): Promise<RelatedSloStatus> {
    const { entityRef, members } = await this.members(ref, credentials);
    const refs = [entityRef, ...members.map(m => m.entityRef)];
    const stored = await this.options.slos.list(refs);
    return {
      entityRef,
      entities: [...new Set(refs)],
      ...(stored.evaluatedAt ? { evaluatedAt: stored.evaluatedAt } : {}),
      items: [...stored.items].sort(compareSloBurn),
    };
  }

  /**
   * The entity's roll-up: every entity that belongs to it with its pages in
   * the burden window, who is on call for it now and its SLOs; the sums.
   */
  async rollup(
    ref: CompoundEntityRef,
    window: BurdenWindowRequest,
    credentials: BackstageCredentials,
  ): Promise<EntityRollup> {
    const range = resolveBurdenWindow(
      window,
      this.options.defaultWindowDays,
      this.options.now?.() ?? new Date(),
    );
    const { entityRef, members } = await this.members(ref, credentials);
    const stored = await this.options.slos.list(members.map(m => m.entityRef));
    const slosOf = new Map<string, SloListItem[]>();
    for (const item of stored.items) {
      const list = slosOf.get(key(item.entityRef)!) ?? [];
      list.push(item);
      slosOf.set(key(item.entityRef)!, list);
    }
    // Pages may name any entity, a System or Domain too.
    const queue = [...members];
    const health = new Map<
      string,
      Awaited<ReturnType<BurdenService['getServiceHealth']>>
    >();
    const worker = async () => {
      for (let member = queue.shift(); member; member = queue.shift()) {
        health.set(
          member.entityRef,
          await this.options.burden.getServiceHealth(
            parseEntityRef(member.entityRef),
            // The same window for every entity, however long this takes.
            { from: range.from.toISOString(), to: range.to.toISOString() },
            credentials,
          ),
        );
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    const entities: RollupEntity[] = members.map(member => {
      const figures = health.get(member.entityRef);
      const pages = figures?.current.pages ?? 0;
      const slos = (slosOf.get(key(member.entityRef)!) ?? []).sort(
        compareSloBurn,
      );
      return {
        entityRef: member.entityRef,
        kind: member.kind,
        ...(member.title ? { title: member.title } : {}),
        ...(member.system ? { system: member.system } : {}),
        pages,
        previousPages: figures?.previous.pages ?? 0,
        offHoursPages: Math.round(
          (figures?.current.offHoursShare ?? 0) * pages,
        ),
        onCallNow: [
          ...new Set(
            (figures?.onCall ?? []).flatMap(o => o.current.map(c => c.userRef)),
          ),
        ],
        slos: slos.length,
        ...(slos.length ? { worstBurn: slos[0].burn } : {}),
      };
    });
    const sum = (pick: (e: RollupEntity) => number) =>
      entities.reduce((total, e) => total + pick(e), 0);
    return {
      entityRef,
      window: {
        from: range.from.toISOString(),
        to: range.to.toISOString(),
        days: range.days,
      },
      entities,
      totals: {
        pages: sum(e => e.pages),
        previousPages: sum(e => e.previousPages),
        offHoursPages: sum(e => e.offHoursPages),
      },
      slos: [...stored.items].sort(compareSloBurn),
      ...(stored.evaluatedAt ? { slosEvaluatedAt: stored.evaluatedAt } : {}),
    };
  }
}
