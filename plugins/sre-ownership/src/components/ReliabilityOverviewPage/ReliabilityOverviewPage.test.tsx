import { renderInTestApp } from '@backstage/frontend-test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import {
  COVERAGE_GAPS,
  CoverageSummary,
  OverviewEntity,
  SloListItem,
  SloOverview,
  WhoToCallResult,
} from '@sre-ownership/plugin-sre-ownership-common';
import {
  act,
  fireEvent,
  screen,
  waitFor,
  within,
} from '@testing-library/react';
import { SreOwnershipApi, sreOwnershipApiRef } from '../../api';
import {
  aPermissionRefusal,
  aServerError,
} from '../../__testUtils__/apiErrors';
import { ReliabilityOverviewPage } from './ReliabilityOverviewPage';
import { SEARCH_DEBOUNCE_MS } from './WhoToCallSearch';

const aCoverage = (
  overrides: Partial<CoverageSummary> = {},
): CoverageSummary => ({
  total: 3,
  gaps: {
    ...(Object.fromEntries(
      COVERAGE_GAPS.map(g => [g, 0]),
    ) as CoverageSummary['gaps']),
    'no-model': 2,
  },
  refreshedAt: '2026-12-01T10:00:00.000Z',
  ...overrides,
});

const anEntity = (name: string): OverviewEntity => ({
  entityRef: `component:default/${name}`,
  kind: 'component',
  namespace: 'default',
  name,
  owner: 'group:default/payments',
  tier: 'tier-2',
  gaps: ['no-model'],
  reasons: { 'no-model': `No ownership model is declared for ${name}.` },
  fallsShort: [],
});

const anAnswer: WhoToCallResult = {
  query: 'SLO guard payments',
  role: 'slo-guard',
  scope: 'payments',
  totalMatches: 1,
  answers: [
    {
      entityRef: 'component:default/payments-api',
      kind: 'component',
      title: 'payments-api',
      match: 'person',
      why: 'Its owner is Payments.',
      reliabilityOwners: [
        {
          ref: 'group:default/platform-sre',
          kind: 'group',
          displayName: 'Platform SRE',
          exists: true,
        },
      ],
      escalation: [],
      onCallNow: [
        {
          level: 1,
          teamRef: 'group:default/payments',
          onCall: {
            teamRef: 'group:default/payments',
            current: [
              {
                userRef: 'user:default/mei-lin',
                until: '2026-12-02T09:00:00Z',
              },
            ],
          },
        },
      ],
      specialist: {
        role: 'slo-guard',
        primary: {
          ref: 'user:default/jane-doe',
          kind: 'user',
          displayName: 'Jane Doe',
          exists: true,
        },
        backups: [],
      },
      contacts: [],
    },
  ],
};

const aSlo = (overrides: Partial<SloListItem> = {}): SloListItem => ({
  entityRef: 'component:default/payments-api',
  entityTitle: 'Payments API',
  sloName: 'payments-availability',
  displayName: 'Payments availability',
  target: 0.999,
  window: '7d rolling',
  burn: 'page',
  burnRate: 22.9,
  budgetRemaining: 0.12,
  summary: 'burning 22.9x over 1h: budget gone in 4.5 hours at this rate',
  evaluatedAt: '2026-12-01T10:00:00.000Z',
  ...overrides,
});

const aSloOverview = (): SloOverview => ({
  evaluatedAt: '2026-12-01T10:00:00.000Z',
  total: 3,
  budgetThreshold: 0.25,
  requiredTiers: ['tier-1'],
  paging: { total: 1, items: [aSlo()] },
  ticketing: { total: 0, items: [] },
  lowBudget: { total: 1, items: [aSlo()] },
  unmeasured: { total: 0, items: [] },
  withoutSlo: {
    total: 1,
    items: [{ entityRef: 'component:default/ledger', tier: 'tier-1' }],
  },
  guardsWithoutSlo: {
    total: 1,
    items: [
      {
        guard: { ref: 'user:default/sam-carter', displayName: 'Sam Carter' },
        entities: [{ entityRef: 'component:default/ledger' }],
      },
    ],
  },
});

function anApi(overrides: Partial<SreOwnershipApi> = {}): SreOwnershipApi {
  return {
    getCoverage: async () => aCoverage(),
    listOverviewEntities: async () => ({
      items: [anEntity('billing'), anEntity('ledger')],
      totalItems: 2,
      offset: 0,
      limit: 25,
    }),
    getTiers: async () => ({ defaultTier: 'tier-2', tiers: [] }),
    getSpecialistGaps: async () => [],
    getTeamsAtRisk: async () => [],
    whoToCall: async () => anAnswer,
    getSloOverview: async () => aSloOverview(),
    ...overrides,
  } as SreOwnershipApi;
}

async function renderPage(api: SreOwnershipApi, path = '/reliability') {
  const result = renderInTestApp(<ReliabilityOverviewPage />, {
    apis: [[sreOwnershipApiRef, api]],
    mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
    initialRouteEntries: [path],
  });
  await act(async () => {});
  return result;
}

describe('ReliabilityOverviewPage', () => {
  it('shows each tile with its count and, when chosen, the list behind it with the same total', async () => {
    await renderPage(anApi());
    const tile = await screen.findByTestId('tile-no-model');
    expect(within(tile).getByText('2')).toBeInTheDocument();
    fireEvent.click(within(tile).getByRole('button'));
    expect(await screen.findByText('No model declared: 2')).toBeInTheDocument();
    expect(await screen.findAllByTestId('gap-row')).toHaveLength(2);
    expect(
      screen.getByText('No ownership model is declared for billing.'),
    ).toBeInTheDocument();
  });

  it("shows the SLO guard's tiles and, when chosen, the SLOs behind one with links to their services", async () => {
    await renderPage(anApi());
    const paging = await screen.findByTestId('slo-tile-paging');
    expect(within(paging).getByText('1')).toBeInTheDocument();
    expect(
      within(screen.getByTestId('slo-tile-low-budget')).getByText(
        'Less than 25% of budget left',
      ),
    ).toBeInTheDocument();
    expect(
      within(screen.getByTestId('slo-tile-without-slo')).getByText(
        'tier-1 services without an SLO',
      ),
    ).toBeInTheDocument();
    fireEvent.click(within(paging).getByRole('button'));
    const list = await screen.findByRole('table', {
      name: 'Burning fast now (page)',
    });
    expect(within(list).getByText('Payments API')).toBeInTheDocument();
    expect(within(list).getByText('Page: fast burn')).toBeInTheDocument();
    expect(within(list).getByText('12%')).toBeInTheDocument();
    expect(
      within(list).getByText(
        'burning 22.9x over 1h: budget gone in 4.5 hours at this rate',
      ),
    ).toBeInTheDocument();
    fireEvent.click(
      within(screen.getByTestId('slo-tile-guards-without-slo')).getByRole(
        'button',
      ),
    );
    expect(await screen.findByText('Sam Carter')).toBeInTheDocument();
    expect(
      screen.getByText(/none of\s+which declares an SLO/),
    ).toBeInTheDocument();
  });

  it('says the SLOs are being measured before the first evaluation', async () => {
    await renderPage(
      anApi({
        getSloOverview: async () => ({
          ...aSloOverview(),
          evaluatedAt: undefined,
        }),
      }),
    );
    expect(
      await screen.findByText(/The SLOs are being measured for the first time/),
    ).toBeInTheDocument();
    expect(screen.queryByTestId('slo-tile-paging')).toBeNull();
  });

  it('answers the query in the address: the specialist, the owners and who is on call now', async () => {
    const whoToCall = jest.fn(async () => anAnswer);
    await renderPage(
      anApi({ whoToCall }),
      '/reliability?q=SLO%20guard%20payments',
    );
    const answer = await screen.findByTestId('answer');
    expect(whoToCall).toHaveBeenCalledWith('SLO guard payments');
    expect(within(answer).getByText(/SLO guard/)).toBeInTheDocument();
    expect(within(answer).getByText('Jane Doe')).toBeInTheDocument();
    expect(within(answer).getByText('Platform SRE')).toBeInTheDocument();
    expect(within(answer).getByText(/level 1/)).toBeInTheDocument();
    expect(screen.getByRole('searchbox')).toHaveValue('SLO guard payments');
  });

  it("answers a team with its own rotation: who carries the team's pager now", async () => {
    const aTeam = (current: Array<{ userRef: string; until: string }>) => ({
      query: 'payments',
      scope: 'payments',
      totalMatches: 1,
      answers: [
        {
          entityRef: 'group:default/payments',
          kind: 'group',
          title: 'Payments',
          match: 'name' as const,
          why: 'Its name is Payments.',
          reliabilityOwners: [],
          escalation: [],
          onCallNow: [],
          teamOnCall: { teamRef: 'group:default/payments', current },
          contacts: [],
        },
      ],
    });
    await renderPage(
      anApi({
        whoToCall: async () =>
          aTeam([
            { userRef: 'user:default/mei-lin', until: '2026-12-02T09:00:00Z' },
          ]),
      }),
      '/reliability?q=payments',
    );
    const answer = await screen.findByTestId('answer');
    expect(
      within(answer).getByText('Team', { exact: false }),
    ).toBeInTheDocument();
    expect(
      within(answer).getByRole('link', { name: /mei-lin/i }),
    ).toBeInTheDocument();
    expect(within(answer).queryByText(/level \d/)).not.toBeInTheDocument();
    expect(within(answer).queryByText(/nobody known/)).not.toBeInTheDocument();
  });

  it('says whose rotation has nobody on call now', async () => {
    await renderPage(
      anApi({
        whoToCall: async () => ({
          ...anAnswer,
          answers: [
            {
              ...anAnswer.answers[0],
              kind: 'group',
              entityRef: 'group:default/payments',
              onCallNow: [],
              teamOnCall: { teamRef: 'group:default/payments', current: [] },
            },
          ],
        }),
      }),
      '/reliability?q=payments',
    );
    const answer = await screen.findByTestId('answer');
    // The team by name, linked, not its ref.
    expect(answer).toHaveTextContent(/no shift now for payments\)/);
    expect(answer).not.toHaveTextContent('group:default/payments');
  });

  it('searches on Enter from the box', async () => {
    const whoToCall = jest.fn(async () => anAnswer);
    await renderPage(anApi({ whoToCall }));
    const box = screen.getByRole('searchbox');
    fireEvent.change(box, { target: { value: 'payments' } });
    fireEvent.keyDown(box, { key: 'Enter' });
    await screen.findByTestId('answer');
    expect(whoToCall).toHaveBeenCalledWith('payments');
  });

  it('answers as you type, once typing pauses', async () => {
    jest.useFakeTimers();
    try {
      const whoToCall = jest.fn(async () => anAnswer);
      await renderPage(anApi({ whoToCall }));
      const box = screen.getByRole('searchbox');
      fireEvent.change(box, { target: { value: 'pa' } });
      fireEvent.change(box, { target: { value: 'pay' } });
      expect(whoToCall).not.toHaveBeenCalled();
      await act(async () => {
        jest.advanceTimersByTime(SEARCH_DEBOUNCE_MS);
      });
      expect(whoToCall).toHaveBeenCalledTimes(1);
      expect(whoToCall).toHaveBeenCalledWith('pay');
    } finally {
      jest.useRealTimers();
    }
  });

  it('searches with the visible Search button', async () => {
    const whoToCall = jest.fn(async () => anAnswer);
    await renderPage(anApi({ whoToCall }));
    fireEvent.change(screen.getByRole('searchbox'), {
      target: { value: 'database' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Search' }));
    await screen.findByTestId('answer');
    expect(whoToCall).toHaveBeenCalledWith('database');
  });

  it('offers every match when only the best are shown', async () => {
    const whoToCall = jest.fn(
      async (_query: string, options?: { limit?: number }) => ({
        ...anAnswer,
        totalMatches: 12,
        answers: Array.from({ length: options?.limit ?? 10 }, (_, i) => ({
          ...anAnswer.answers[0],
          entityRef: `component:default/service-${i}`,
          title: `service-${i}`,
        })),
      }),
    );
    await renderPage(anApi({ whoToCall }), '/reliability?q=service');
    expect(
      await screen.findByText('12 matches, the best 10 shown'),
    ).toBeInTheDocument();
    fireEvent.click(
      screen.getByRole('button', { name: 'Show all 12 matches' }),
    );
    expect(await screen.findByText('12 matches')).toBeInTheDocument();
    expect(screen.getAllByTestId('answer')).toHaveLength(12);
    expect(whoToCall).toHaveBeenLastCalledWith('service', { limit: 12 });
  });

  it('has the search box focused on arrival, and "/" brings the focus back', async () => {
    await renderPage(anApi());
    const box = screen.getByRole('searchbox');
    expect(box).toHaveFocus();
    const tile = (await screen.findByTestId('tile-no-model')).querySelector(
      'button',
    )!;
    tile.focus();
    fireEvent.keyDown(tile, { key: '/' });
    expect(box).toHaveFocus();
  });

  it('says it is still reading the catalog, everywhere and without advice, until the index is built', async () => {
    await renderPage(
      anApi({
        getCoverage: async () =>
          aCoverage({ refreshedAt: undefined, total: 0 }),
        getTeamsAtRisk: async () => [],
        getSpecialistGaps: async () => [],
      }),
    );
    await waitFor(() =>
      expect(screen.getAllByTestId('reading-catalog')).toHaveLength(3),
    );
    expect(screen.getAllByTestId('reading-catalog')[0]).toHaveTextContent(
      /Still reading the catalog/,
    );
    expect(screen.queryByText('No services match')).not.toBeInTheDocument();
    expect(
      screen.queryByText('No team carries a pager yet'),
    ).not.toBeInTheDocument();
    expect(
      screen.queryByText(/declare their reliability ownership/),
    ).not.toBeInTheDocument();
  });

  it('says what to declare when nothing matches', async () => {
    await renderPage(
      anApi({ getCoverage: async () => aCoverage({ total: 0 }) }),
    );
    expect(await screen.findByText('No services match')).toBeInTheDocument();
    expect(
      screen.getByText(/sre-ownership.io\/model: platform/),
    ).toBeInTheDocument();
  });

  it('says "unknown value" for a filter value no entity has', async () => {
    await renderPage(
      anApi({
        getCoverage: async () =>
          aCoverage({
            total: 0,
            unknownValues: { owner: ['group:default/paymnts'] },
          }),
      }),
      '/reliability?owner=paymnts',
    );
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Unknown value: owner “group:default/paymnts”',
    );
    expect(screen.queryByText('No services match')).not.toBeInTheDocument();
  });

  it('does not advise declaring ownership when filters exclude everything', async () => {
    await renderPage(
      anApi({ getCoverage: async () => aCoverage({ total: 0 }) }),
      '/reliability?owner=payments&tier=tier-1',
    );
    expect(
      await screen.findByText(/matches all of these filters together/),
    ).toBeInTheDocument();
    expect(screen.queryByText('No services match')).not.toBeInTheDocument();
  });

  it('shows a permission refusal and a failure as such', async () => {
    const refusal = await aPermissionRefusal();
    const failure = await aServerError('database is down');
    await renderPage(
      anApi({
        getCoverage: async () => {
          throw refusal;
        },
        getTeamsAtRisk: async () => {
          throw failure;
        },
      }),
    );
    expect(await screen.findByText('Permission required')).toBeInTheDocument();
    expect(
      await screen.findByText(/Could not load the teams' burden/),
    ).toBeInTheDocument();
  });

  it('shows a loading state while the tiles load', async () => {
    await renderPage(anApi({ getCoverage: () => new Promise(() => {}) }));
    expect(screen.getAllByTestId('progress').length).toBeGreaterThan(0);
  });
});
