import { mockCredentials } from '@backstage/backend-test-utils';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  ServiceOnCallHealth,
  SloListItem,
} from '@sre-ownership/plugin-sre-ownership-common';
import { BurdenService } from '../burden/BurdenService';
import {
  CatalogReadFilter,
  ReadableEntities,
} from '../reliabilityIndex/CatalogReadFilter';
import { IndexSummary } from '../reliabilityIndex/indexEntry';
import { IndexSnapshot, IndexView } from '../reliabilityIndex/IndexSnapshot';
import { SloStatusStore } from '../slo/SloStatusStore';
import { RollupService } from './RollupService';

const NOW = new Date('2026-06-01T00:00:00Z');

const aSummary = (
  entityRef: string,
  overrides: Partial<IndexSummary> = {},
): IndexSummary => ({
  entityRef,
  kind: entityRef.split(':')[0],
  namespace: 'default',
  name: entityRef.split('/')[1],
  tier: 'tier-1',
  gaps: [],
  reasons: {},
  fallsShort: [],
  tags: [],
  people: [],
  onCallTeams: [],
  ...overrides,
});

const SUMMARIES = [
  aSummary('system:default/payments-platform', {
    domain: 'domain:default/commerce',
  }),
  aSummary('component:default/payments-api', {
    system: 'system:default/payments-platform',
    domain: 'domain:default/commerce',
    owner: 'group:default/payments',
  }),
  aSummary('component:default/ledger', {
    system: 'system:default/payments-platform',
    domain: 'domain:default/commerce',
    owner: 'group:default/payments',
  }),
  aSummary('component:default/hidden', {
    system: 'system:default/payments-platform',
  }),
  aSummary('component:default/search-api', { system: 'system:default/search' }),
];

const PAGES: Record<string, [number, number, number | null]> = {
  'component:default/payments-api': [70, 52, 0.5],
  'component:default/ledger': [4, 6, 0.25],
};

const anSlo = (
  entityRef: string,
  overrides: Partial<SloListItem> = {},
): SloListItem => ({
  entityRef,
  sloName: 'availability',
  displayName: 'Availability',
  target: 0.999,
  window: '7d rolling',
  burn: 'ok',
  burnRate: 0.2,
  budgetRemaining: 0.9,
  evaluatedAt: NOW.toISOString(),
  ...overrides,
});

const system: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'System',
  metadata: { name: 'payments-platform', namespace: 'default' },
  spec: { owner: 'group:payments' },
};

function rollups(readable: ReadableEntities = { all: true }) {
  const asked: string[] = [];
  const store: SloStatusStore = {
    replaceAll: async () => {},
    evaluatedAt: async () => NOW.toISOString(),
    list: async refs => ({
      evaluatedAt: NOW.toISOString(),
      items: [
        anSlo('component:default/ledger', { burn: 'ticket', burnRate: 3.2 }),
        anSlo('component:default/payments-api', {
          burn: 'page',
          burnRate: 22.9,
        }),
        anSlo('component:default/search-api', { burn: 'page', burnRate: 50 }),
      ].filter(item => refs?.includes(item.entityRef)),
    }),
  };
  const burden = {
    getServiceHealth: async (ref: { kind: string; name: string }) => {
      const entityRef = stringifyEntityRef({ ...ref, namespace: 'default' });
      asked.push(entityRef);
      const [pages, previous, offHours] = PAGES[entityRef] ?? [0, 0, null];
      return {
        current: { pages, offHoursShare: offHours },
        previous: { pages: previous },
        onCall: [
          {
            teamRef: 'group:default/payments',
            current: pages
              ? [{ userRef: 'user:default/jane-doe', until: '' }]
              : [],
          },
        ],
      } as unknown as ServiceOnCallHealth;
    },
  } as unknown as BurdenService;
  const summaries = [...SUMMARIES].sort((a, b) =>
    a.entityRef.localeCompare(b.entityRef),
  );
  const service = new RollupService({
    catalog: catalogServiceMock({ entities: [system] }),
    snapshot: {
      view: async () => ({ summaries } as IndexView),
    } as unknown as IndexSnapshot,
    readable: {
      forCaller: async () => readable,
    } as unknown as CatalogReadFilter,
    slos: store,
    burden,
    defaultWindowDays: 28,
    now: () => NOW,
  });
  return { service, asked };
}

describe('RollupService', () => {
  it("sums a System's entities' pages and lists their SLOs worst first", async () => {
    const { service } = rollups({
      all: false,
      refs: new Set([
        'system:default/payments-platform',
        'component:default/payments-api',
        'component:default/ledger',
      ]),
    });
    const rollup = await service.rollup(
      { kind: 'System', namespace: 'default', name: 'payments-platform' },
      {},
      mockCredentials.user(),
    );
    expect(rollup.window).toEqual({
      from: '2026-05-04T00:00:00.000Z',
      to: NOW.toISOString(),
      days: 28,
    });
    // The System first, then its entities; hidden is not readable, search
    // belongs to another System.
    expect(rollup.entities.map(e => [e.entityRef, e.pages])).toEqual([
      ['system:default/payments-platform', 0],
      ['component:default/ledger', 4],
      ['component:default/payments-api', 70],
    ]);
    expect(rollup.totals).toEqual({
      pages: 74,
      previousPages: 58,
      offHoursPages: 36,
    });
    expect(rollup.slos.map(s => [s.entityRef, s.burn])).toEqual([
      ['component:default/payments-api', 'page'],
      ['component:default/ledger', 'ticket'],
    ]);
    const api = rollup.entities.find(
      e => e.entityRef === 'component:default/payments-api',
    )!;
    expect(api).toMatchObject({
      onCallNow: ['user:default/jane-doe'],
      slos: 1,
      worstBurn: 'page',
    });
  });

  it("gives the action a System's SLOs with everything in it, and no team that does not exist", async () => {
    const { service } = rollups();
    await expect(
      service.relatedSlos(
        { kind: 'Group', namespace: 'default', name: 'payments' },
        mockCredentials.user(),
      ),
    ).rejects.toThrow(/No entity group:default\/payments/);
    const related = await rollups().service.relatedSlos(
      { kind: 'System', namespace: 'default', name: 'payments-platform' },
      mockCredentials.user(),
    );
    expect(related.entities).toEqual([
      'system:default/payments-platform',
      'component:default/hidden',
      'component:default/ledger',
      'component:default/payments-api',
    ]);
    expect(related.items.map(i => i.entityRef)).toEqual([
      'component:default/payments-api',
      'component:default/ledger',
    ]);
  });

  it('refuses a kind that does not roll up, naming it', async () => {
    await expect(
      rollups().service.rollup(
        { kind: 'Component', namespace: 'default', name: 'payments-api' },
        {},
        mockCredentials.user(),
      ),
    ).rejects.toThrow(
      'kind: Component does not roll up; use a System, a Domain or a Group',
    );
  });
});
