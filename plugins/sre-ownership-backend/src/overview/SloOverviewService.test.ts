import { mockCredentials } from '@backstage/backend-test-utils';
import { SloListItem } from '@sre-ownership/plugin-sre-ownership-common';
import {
  CatalogReadFilter,
  ReadableEntities,
} from '../reliabilityIndex/CatalogReadFilter';
import { IndexSummary } from '../reliabilityIndex/indexEntry';
import { IndexSnapshot, IndexView } from '../reliabilityIndex/IndexSnapshot';
import { SloStatusStore } from '../slo/SloStatusStore';
import { SloOverviewService } from './SloOverviewService';

const aSummary = (
  name: string,
  overrides: Partial<IndexSummary> = {},
): IndexSummary => ({
  entityRef: `component:default/${name}`,
  kind: 'component',
  namespace: 'default',
  name,
  tier: 'tier-1',
  gaps: [],
  reasons: {},
  fallsShort: [],
  tags: [],
  people: [],
  onCallTeams: [],
  ...overrides,
});

const guard = (ref: string, displayName: string) => ({
  ref,
  displayName,
  as: 'SLO guard',
  role: 'slo-guard' as const,
});

const anSlo = (
  name: string,
  overrides: Partial<SloListItem> = {},
): SloListItem => ({
  entityRef: `component:default/${name}`,
  sloName: `${name}-availability`,
  displayName: `${name} availability`,
  target: 0.999,
  window: '7d rolling',
  burn: 'ok',
  burnRate: 0.5,
  budgetRemaining: 0.9,
  evaluatedAt: '2026-06-01T00:00:00.000Z',
  ...overrides,
});

const SUMMARIES = [
  aSummary('payments-api', {
    people: [guard('user:default/jane-doe', 'Jane Doe')],
  }),
  aSummary('search-api', { tier: 'tier-2' }),
  aSummary('ledger', {
    people: [guard('user:default/sam-carter', 'Sam Carter')],
  }),
  aSummary('fraud', {
    people: [guard('user:default/sam-carter', 'Sam Carter')],
  }),
  aSummary('secret'),
];

const ITEMS = [
  anSlo('payments-api', { burn: 'page', burnRate: 22.9, budgetRemaining: 0.6 }),
  anSlo('search-api', { burn: 'ticket', burnRate: 2, budgetRemaining: 0.1 }),
  anSlo('secret', { burn: 'page', burnRate: 40, budgetRemaining: -0.2 }),
  anSlo('payments-api', {
    sloName: 'payments-latency',
    burn: 'unknown',
    burnRate: null,
    budgetRemaining: null,
    error: 'Prometheus "prod" did not answer',
  }),
];

function service(readable: ReadableEntities) {
  // Sorted by ref, as the index snapshot holds them.
  const summaries = [...SUMMARIES].sort((a, b) =>
    a.entityRef.localeCompare(b.entityRef),
  );
  const view = { summaries } as IndexView;
  const store: SloStatusStore = {
    replaceAll: async () => {},
    evaluatedAt: async () => '2026-06-01T00:00:00.000Z',
    list: async () => ({
      evaluatedAt: '2026-06-01T00:00:00.000Z',
      items: ITEMS,
    }),
  };
  return new SloOverviewService({
    snapshot: { view: async () => view } as unknown as IndexSnapshot,
    readable: {
      forCaller: async () => readable,
    } as unknown as CatalogReadFilter,
    store,
    settings: { budgetThreshold: 0.25, requiredTiers: ['tier-1'] },
  });
}

describe('SloOverviewService', () => {
  it('sorts SLOs into the tiles from the latest evaluation, only for entities the caller may read', async () => {
    const readable: ReadableEntities = {
      all: false,
      refs: new Set(
        ['payments-api', 'search-api', 'ledger', 'fraud'].map(
          n => `component:default/${n}`,
        ),
      ),
    };
    const overview = await service(readable).overview(mockCredentials.user());
    expect(overview.evaluatedAt).toBe('2026-06-01T00:00:00.000Z');
    expect(overview.total).toBe(3);
    expect(overview.paging.items.map(i => i.entityRef)).toEqual([
      'component:default/payments-api',
    ]);
    expect(overview.ticketing.items.map(i => i.sloName)).toEqual([
      'search-api-availability',
    ]);
    expect(overview.lowBudget.items.map(i => i.sloName)).toEqual([
      'search-api-availability',
    ]);
    expect(overview.unmeasured.items.map(i => i.sloName)).toEqual([
      'payments-latency',
    ]);
    // tier-1 Components without an SLO; search-api is tier-2.
    expect(overview.withoutSlo).toEqual({
      total: 2,
      items: [
        { entityRef: 'component:default/fraud', tier: 'tier-1' },
        { entityRef: 'component:default/ledger', tier: 'tier-1' },
      ],
    });
    // Sam guards two services, neither with an SLO; Jane's has one.
    expect(overview.guardsWithoutSlo.items).toEqual([
      {
        guard: { ref: 'user:default/sam-carter', displayName: 'Sam Carter' },
        entities: [
          { entityRef: 'component:default/fraud', tier: 'tier-1' },
          { entityRef: 'component:default/ledger', tier: 'tier-1' },
        ],
      },
    ]);
  });

  it('refuses a caller the catalog denies everything', async () => {
    await expect(
      service({ all: false, refs: new Set(), denied: true }).overview(
        mockCredentials.user(),
      ),
    ).rejects.toThrow(/catalog\.entity\.read/);
  });
});
