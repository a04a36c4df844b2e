import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import {
  CappedList,
  SloEntityRef,
  SloListItem,
  SloOverview,
  compareSloBurn,
} from '@sre-ownership/plugin-sre-ownership-common';
import {
  CatalogReadFilter,
  canRead,
} from '../reliabilityIndex/CatalogReadFilter';
import { IndexSummary } from '../reliabilityIndex/indexEntry';
import { IndexSnapshot } from '../reliabilityIndex/IndexSnapshot';
import { SloEvaluation, SloStatusStore } from '../slo/SloStatusStore';
import { SloEvaluationSettings } from '../slo/sloEvaluationConfig';

/** Items listed per tile; the tile's number counts them all. */
export const SLO_LIST_LIMIT = 100;

/** Kinds an SLO guard guards and that declare SLOs: services and what they expose or use (the index keeps kinds in lower case). */
const GUARDED_KINDS = new Set(['component', 'api', 'resource']);

const key = (ref: string) => ref.toLocaleLowerCase('en-US');

function capped<T>(items: T[]): CappedList<T> {
  return { total: items.length, items: items.slice(0, SLO_LIST_LIMIT) };
}

const entityOf = (summary: IndexSummary): SloEntityRef => ({
  entityRef: summary.entityRef,
  ...(summary.title ? { title: summary.title } : {}),
  tier: summary.tier,
});

/**
 * The SLO guard's view across the catalog (docs/slos.md, "Across the
 * catalog"), from the latest SLO evaluation and the reliability index,
 * filtered to what the caller may read.
 */
export class SloOverviewService {
  private cached?: SloEvaluation;

  constructor(
    private readonly options: {
      snapshot: IndexSnapshot;
      readable: CatalogReadFilter;
      store: SloStatusStore;
      settings: Pick<
        SloEvaluationSettings,
        'budgetThreshold' | 'requiredTiers'
      >;
    },
  ) {}

  async overview(credentials: BackstageCredentials): Promise<SloOverview> {
    const [view, readable, evaluation] = await Promise.all([
      this.options.snapshot.view(),
      this.options.readable.forCaller(credentials),
      this.evaluation(),
    ]);
    if (!readable.all && readable.denied) {
      throw new NotAllowedError(
        'You may not read the catalog (catalog.entity.read), so the overview has nothing to show you',
      );
    }
    const { budgetThreshold, requiredTiers } = this.options.settings;
    const items = evaluation.items
      .filter(item => canRead(readable, item.entityRef))
      .sort(compareSloBurn);
    const declaring = new Set(evaluation.items.map(i => key(i.entityRef)));
    const summaries = view.summaries.filter(s =>
      canRead(readable, s.entityRef),
    );
    const tiers = new Set(requiredTiers);
    const withoutSlo = summaries
      .filter(
        s =>
          s.kind.toLocaleLowerCase('en-US') === 'component' &&
          tiers.has(s.tier) &&
          !declaring.has(key(s.entityRef)),
      )
      .map(entityOf);
    return {
      ...(evaluation.evaluatedAt
        ? { evaluatedAt: evaluation.evaluatedAt }
        : {}),
      total: items.length,
      budgetThreshold,
      requiredTiers,
      paging: capped(items.filter(i => i.burn === 'page')),
      ticketing: capped(items.filter(i => i.burn === 'ticket')),
      lowBudget: capped(
        items
          .filter(
            (i): i is SloListItem & { budgetRemaining: number } =>
              i.budgetRemaining !== null && i.budgetRemaining < budgetThreshold,
          )
          .sort((a, b) => a.budgetRemaining - b.budgetRemaining),
      ),
      unmeasured: capped(items.filter(i => i.burn === 'unknown')),
      withoutSlo: capped(withoutSlo),
      guardsWithoutSlo: capped(guardsWithoutSlo(summaries, declaring)),
    };
  }

  /** The stored evaluation, read again only when a newer one finished. */
  private async evaluation(): Promise<SloEvaluation> {
    const evaluatedAt = await this.options.store.evaluatedAt();
    if (this.cached && this.cached.evaluatedAt === evaluatedAt) {
      return this.cached;
    }
    this.cached = await this.options.store.list();
    return this.cached;
  }
}

/**
 * Everyone named SLO guard (primary or backup, declared or inherited) of
 * services of which none declares an SLO, with those services.
 */
function guardsWithoutSlo(summaries: IndexSummary[], declaring: Set<string>) {
  const guards = new Map<
    string,
    {
      guard: { ref: string; displayName: string };
      entities: SloEntityRef[];
      guardsAnSlo: boolean;
    }
  >();
  for (const summary of summaries) {
    if (!GUARDED_KINDS.has(summary.kind.toLocaleLowerCase('en-US'))) continue;
    for (const party of summary.people) {
      if (party.role !== 'slo-guard') continue;
      const entry = guards.get(key(party.ref)) ?? {
        guard: { ref: party.ref, displayName: party.displayName },
        entities: [],
        guardsAnSlo: false,
      };
      if (!entry.entities.some(e => e.entityRef === summary.entityRef)) {
        entry.entities.push(entityOf(summary));
      }
      entry.guardsAnSlo ||= declaring.has(key(summary.entityRef));
      guards.set(key(party.ref), entry);
    }
  }
  return [...guards.values()]
    .filter(entry => !entry.guardsAnSlo)
    .map(({ guard, entities }) => ({ guard, entities }))
    .sort(
      (a, b) =>
        b.entities.length - a.entities.length ||
        a.guard.displayName.localeCompare(b.guard.displayName),
    );
}
