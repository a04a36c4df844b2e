import { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  CoverageFilter,
  CoverageGap,
  CoverageSummary,
  OverviewEntityPage,
  Party,
  ResolvedOwnership,
  TierOverview,
  WhoToCallAnswer,
  WhoToCallResult,
} from '@sre-ownership/plugin-sre-ownership-common';
import { NotAllowedError } from '@backstage/errors';
import { OnCallNowReader } from '../oncall/OnCallNowReader';
import {
  canRead,
  CatalogReadFilter,
} from '../reliabilityIndex/CatalogReadFilter';
import {
  COVERAGE_KINDS,
  listEntities,
  passesFilter,
  unknownFilterValues,
  SortField,
  summarise,
  toOverviewEntity,
} from './coverage';
import { IndexSummary } from '../reliabilityIndex/indexEntry';
import { IndexSnapshot } from '../reliabilityIndex/IndexSnapshot';
import { OverviewSettings } from '../reliabilityIndex/overviewConfig';
import { ReliabilityIndexStore } from '../reliabilityIndex/ReliabilityIndexStore';
import { describeTierRules } from '../reliabilityIndex/tierRules';
import { Match, parseQuery } from '../reliabilityIndex/whoToCall';

const TIER_LIST_LIMIT = 50;

/**
 * The catalog-wide reliability overview, read from the index and filtered to
 * what the caller may read in the catalog.
 */
export class OverviewService {
  constructor(
    private readonly options: {
      snapshot: IndexSnapshot;
      store: ReliabilityIndexStore;
      readable: CatalogReadFilter;
      onCall: OnCallNowReader;
      settings: Pick<OverviewSettings, 'tiers' | 'defaultTier'>;
    },
  ) {}

  private async visible(credentials: BackstageCredentials) {
    const [view, readable] = await Promise.all([
      this.options.snapshot.view(),
      this.options.readable.forCaller(credentials),
    ]);
    if (!readable.all && readable.denied) {
      throw new NotAllowedError(
        'You may not read the catalog (catalog.entity.read), so the overview has nothing to show you',
      );
    }
    const summaries = readable.all
      ? view.summaries
      : view.summaries.filter(s => canRead(readable, s.entityRef));
    /** Once per generation for callers who see everything; else each time. */
    const derived = <T>(key: string, compute: () => T): T =>
      readable.all ? view.derived(key, compute) : compute();
    return {
      summaries,
      refreshedAt: view.generation.refreshedAt,
      derived,
      search: (terms: string[]) =>
        derived(`search ${JSON.stringify(terms)}`, () =>
          view
            .search()
            .rank(
              terms,
              readable.all ? undefined : s => canRead(readable, s.entityRef),
            ),
        ),
    };
  }

  async coverage(
    filter: CoverageFilter,
    credentials: BackstageCredentials,
  ): Promise<CoverageSummary> {
    const { summaries, refreshedAt, derived } = await this.visible(credentials);
    const unknownValues = derived(`unknown ${JSON.stringify(filter)}`, () =>
      unknownFilterValues(summaries, filter),
    );
    return {
      ...derived(`coverage ${JSON.stringify(filter)}`, () =>
        summarise(summaries, filter),
      ),
      ...(unknownValues ? { unknownValues } : {}),
      ...(refreshedAt ? { refreshedAt: refreshedAt.toISOString() } : {}),
    };
  }

  async list(
    request: {
      gap?: CoverageGap;
      filter: CoverageFilter;
      sort: SortField;
      order: 'asc' | 'desc';
      offset: number;
      limit: number;
    },
    credentials: BackstageCredentials,
  ): Promise<OverviewEntityPage> {
    const { summaries, derived } = await this.visible(credentials);
    const { offset, limit, ...listed } = request;
    const all = derived(`list ${JSON.stringify(listed)}`, () =>
      listEntities(summaries, request),
    );
    return {
      items: all.slice(offset, offset + limit).map(toOverviewEntity),
      totalItems: all.length,
      offset,
      limit,
    };
  }

  async tiers(
    filter: CoverageFilter,
    credentials: BackstageCredentials,
  ): Promise<TierOverview> {
    const { summaries } = await this.visible(credentials);
    const inScope = summaries.filter(s =>
      passesFilter(s, { ...filter, tier: undefined }),
    );
    return {
      defaultTier: this.options.settings.defaultTier,
      tiers: this.options.settings.tiers
        .filter(t => !filter.tier?.length || filter.tier.includes(t.name))
        .map(tier => {
          const members = inScope.filter(s => s.tier === tier.name);
          const short = members.filter(s => s.fallsShort.length);
          return {
            tier: tier.name,
            requirements: describeTierRules(tier.rules),
            entities: members.length,
            fallingShort: short.slice(0, TIER_LIST_LIMIT).map(toOverviewEntity),
            moreFallingShort: Math.max(0, short.length - TIER_LIST_LIMIT),
          };
        }),
    };
  }

  async whoToCall(
    query: string,
    limit: number,
    credentials: BackstageCredentials,
  ): Promise<WhoToCallResult> {
    const { summaries, search } = await this.visible(credentials);
    const parsed = parseQuery(query);
    const matches: Match[] = parsed.terms.length
      ? search(parsed.terms)
      : this.holdersOf(summaries, parsed.role);
    const top = matches.slice(0, limit);
    const resolved = await this.options.store.resolved(
      top.map(m => m.summary.entityRef),
    );
    const answers = await Promise.all(
      top.flatMap(m => {
        const ownership = resolved.get(
          m.summary.entityRef.toLocaleLowerCase('en-US'),
        );
        return ownership ? [this.answer(m, ownership, parsed.role)] : [];
      }),
    );
    return {
      query,
      ...(parsed.role ? { role: parsed.role } : {}),
      scope: parsed.terms.join(' '),
      answers,
      totalMatches: matches.length,
    };
  }

  /** With a role and nothing else: every service where someone holds it. */
  private holdersOf(
    summaries: IndexSummary[],
    role: ReturnType<typeof parseQuery>['role'],
  ): Match[] {
    if (!role) return [];
    return summaries
      .filter(s => COVERAGE_KINDS.includes(s.kind))
      .flatMap(summary => {
        const holder = summary.people.find(p => p.role === role);
        return holder
          ? [
              {
                summary,
                match: 'person' as const,
                rank: 1,
                why: `${holder.displayName} is its ${holder.as}.`,
              },
            ]
          : [];
      });
  }

  private async answer(
    match: Match,
    resolved: ResolvedOwnership,
    role: ReturnType<typeof parseQuery>['role'],
  ): Promise<WhoToCallAnswer> {
    const withOnCall = await this.options.onCall.addTo(resolved);
    const levels = withOnCall.escalation.levels;
    const specialist = role
      ? withOnCall.specialists.find(s => s.role === role)
      : undefined;
    const contacts = new Map<string, Party>();
    for (const party of [
      specialist?.primary,
      ...withOnCall.reliabilityOwners,
      ...levels.map(l => l.target),
    ]) {
      if (party?.exists && (party.email || party.chatChannel)) {
        contacts.set(party.ref, party);
      }
    }
    const { summary } = match;
    return {
      entityRef: summary.entityRef,
      kind: summary.kind,
      title: summary.title ?? summary.name,
      ...(summary.description ? { description: summary.description } : {}),
      match: match.match,
      why: match.why,
      reliabilityOwners: withOnCall.reliabilityOwners,
      escalation: levels,
      onCallNow: levels.flatMap(level =>
        level.onCall
          ? [
              {
                level: level.level,
                teamRef: level.target.ref,
                onCall: level.onCall,
              },
            ]
          : [],
      ),
      ...(summary.kind === 'group'
        ? { teamOnCall: await this.options.onCall.forTeam(summary.entityRef) }
        : {}),
      ...(specialist
        ? {
            specialist: {
              role: specialist.role,
              ...(specialist.primary ? { primary: specialist.primary } : {}),
              backups: specialist.backups,
            },
          }
        : {}),
      contacts: [...contacts.values()],
    };
  }
}
