import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import {
  COVERAGE_FILTER_KEYS,
  COVERAGE_GAPS,
  CoverageFilter,
  CoverageFilterKey,
  CoverageGap,
  CoverageSummary,
  OverviewEntity,
} from '@sre-ownership/plugin-sre-ownership-common';
import { IndexSummary } from '../reliabilityIndex/indexEntry';

/** Kinds the tiles count when no kind filter is given. */
export const COVERAGE_KINDS = ['component', 'api', 'resource', 'system'];

/** Sort keys of the drill-down lists. */
export const SORT_FIELDS = ['name', 'kind', 'owner', 'system', 'tier'] as const;

/** One sort key. */
export type SortField = (typeof SORT_FIELDS)[number];

const lower = (value: string | undefined) =>
  value?.toLocaleLowerCase('en-US') ?? '';

function matches(values: string[] | undefined, value: string | undefined) {
  return !values?.length || values.some(v => lower(v) === lower(value));
}

/** The kind a short ref in each entity-ref filter names. */
const REF_FILTER_KINDS = {
  owner: 'group',
  system: 'system',
  domain: 'domain',
} as const;

/**
 * The filter with its entity refs written in full, so that `payments`,
 * `group:payments` and `group:default/payments` filter alike. A value that
 * is not a ref at all is kept as typed, to be reported as unknown.
 */
export function normalizeFilter(filter: CoverageFilter): CoverageFilter {
  const normalized: CoverageFilter = { ...filter };
  for (const [key, defaultKind] of Object.entries(REF_FILTER_KINDS) as Array<
    [keyof typeof REF_FILTER_KINDS, string]
  >) {
    const values = filter[key];
    if (!values) continue;
    normalized[key] = values.map(value => {
      try {
        return stringifyEntityRef(
          parseEntityRef(value, { defaultKind, defaultNamespace: 'default' }),
        );
      } catch {
        return value;
      }
    });
  }
  return normalized;
}

/** The value of one filter's field on an entity. */
function fieldOf(entity: IndexSummary, key: CoverageFilterKey) {
  return key === 'model' ? entity.model ?? 'none' : entity[key];
}

/**
 * The filter values that no entity has, per filter: "unknown value" rather
 * than an empty page that reads as if nothing were declared.
 */
export function unknownFilterValues(
  entities: IndexSummary[],
  filter: CoverageFilter,
): CoverageSummary['unknownValues'] {
  const unknown: NonNullable<CoverageSummary['unknownValues']> = {};
  for (const key of COVERAGE_FILTER_KEYS) {
    const values = filter[key];
    if (!values?.length) continue;
    const known = new Set(entities.map(entity => lower(fieldOf(entity, key))));
    const missing = values.filter(value => !known.has(lower(value)));
    if (missing.length) unknown[key] = missing;
  }
  return Object.keys(unknown).length ? unknown : undefined;
}

/** Whether an entity passes every filter. Same predicate for tiles and lists. */
export function passesFilter(
  entity: IndexSummary,
  filter: CoverageFilter,
): boolean {
  const kinds = filter.kind?.length ? filter.kind : COVERAGE_KINDS;
  return (
    matches(kinds, entity.kind) &&
    matches(filter.owner, entity.owner) &&
    matches(filter.system, entity.system) &&
    matches(filter.domain, entity.domain) &&
    matches(filter.lifecycle, entity.lifecycle) &&
    matches(filter.model, entity.model ?? 'none') &&
    matches(filter.tier, entity.tier)
  );
}

/** The tile numbers over the given (already permission-filtered) entities. */
export function summarise(
  entities: IndexSummary[],
  filter: CoverageFilter,
): Omit<CoverageSummary, 'refreshedAt'> {
  const gaps = Object.fromEntries(COVERAGE_GAPS.map(gap => [gap, 0])) as Record<
    CoverageGap,
    number
  >;
  let total = 0;
  for (const entity of entities) {
    if (!passesFilter(entity, filter)) continue;
    total += 1;
    for (const gap of entity.gaps) gaps[gap] += 1;
  }
  return { total, gaps };
}

/** The entities with a gap (or all, without one), filtered and sorted. */
export function listEntities(
  entities: IndexSummary[],
  options: {
    gap?: CoverageGap;
    filter: CoverageFilter;
    sort: SortField;
    order: 'asc' | 'desc';
  },
): IndexSummary[] {
  const key = (entity: IndexSummary) =>
    lower(
      options.sort === 'name'
        ? entity.title ?? entity.name
        : entity[options.sort],
    );
  const sign = options.order === 'desc' ? -1 : 1;
  return entities
    .filter(
      entity =>
        passesFilter(entity, options.filter) &&
        (!options.gap || entity.gaps.includes(options.gap)),
    )
    .sort(
      (a, b) =>
        sign * key(a).localeCompare(key(b)) ||
        a.entityRef.localeCompare(b.entityRef),
    );
}

/** What the API returns of an indexed entity. */
export function toOverviewEntity(summary: IndexSummary): OverviewEntity {
  const {
    description: _d,
    tags: _t,
    people: _p,
    onCallTeams: _o,
    ...entity
  } = summary;
  return entity;
}
