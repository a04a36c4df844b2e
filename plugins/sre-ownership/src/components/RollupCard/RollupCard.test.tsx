import { screen, within } from '@testing-library/react';
import { EntityRollup } from '@sre-ownership/plugin-sre-ownership-common';
import { aPermissionRefusal } from '../../__testUtils__/apiErrors';
import { anEntity, renderOnEntityPage } from '../../__testUtils__/entityPage';
import { RollupCard } from './RollupCard';

const system = anEntity({ kind: 'System', name: 'payments' });

const aRollup = (overrides: Partial<EntityRollup> = {}): EntityRollup => ({
  entityRef: 'system:default/payments',
  window: {
    from: '2026-11-03T10:00:00.000Z',
    to: '2026-12-01T10:00:00.000Z',
    days: 28,
  },
  entities: [
    {
      entityRef: 'system:default/payments',
      kind: 'System',
      pages: 0,
      previousPages: 0,
      offHoursPages: 0,
      onCallNow: [],
      slos: 0,
    },
    {
      entityRef: 'component:default/payments-api',
      kind: 'Component',
      title: 'Payments API',
      system: 'system:default/payments',
      pages: 70,
      previousPages: 52,
      offHoursPages: 31,
      onCallNow: ['user:default/jane-doe'],
      slos: 1,
      worstBurn: 'page',
    },
  ],
  totals: { pages: 70, previousPages: 52, offHoursPages: 31 },
  slos: [
    {
      entityRef: 'component:default/payments-api',
      entityTitle: 'Payments API',
      sloName: 'payments-availability',
      displayName: 'Payments availability',
      target: 0.999,
      window: '7d rolling',
      burn: 'page',
      burnRate: 22.9,
      budgetRemaining: 0.618,
      summary: 'burning 22.9x over 1h: budget gone in 4.5 hours at this rate',
      evaluatedAt: '2026-12-01T10:00:00.000Z',
    },
  ],
  slosEvaluatedAt: '2026-12-01T10:00:00.000Z',
  ...overrides,
});

describe('RollupCard', () => {
  it("sums the System's pages and lists its services' SLOs worst first, linking down", async () => {
    await renderOnEntityPage(<RollupCard />, {
      entity: system,
      api: { getEntityRollup: async () => aRollup() },
    });
    expect(screen.getByTestId('rollup-totals')).toHaveTextContent(
      "70 pages in the last 28 days across 2 entities (52 the 28 days before), 31 outside the paged engineer's business hours.",
    );
    const slos = screen.getByRole('table', {
      name: 'SLOs of the rolled-up entities',
    });
    expect(within(slos).getByText('Payments availability')).toBeInTheDocument();
    expect(within(slos).getByText('61.8%')).toBeInTheDocument();
    expect(
      within(slos).getByRole('link', { name: 'Payments API' }),
    ).toHaveAttribute('href', '/catalog/default/component/payments-api');
    const entities = screen.getByRole('table', { name: 'Rolled-up entities' });
    const row = within(entities)
      .getByRole('link', { name: 'Payments API' })
      .closest('tr')!;
    expect(row).toHaveTextContent('70');
    expect(row).toHaveTextContent('Page: fast burn');
  });

  it('says what to declare when nothing belongs to the System', async () => {
    await renderOnEntityPage(<RollupCard />, {
      entity: system,
      api: {
        getEntityRollup: async () =>
          aRollup({ entities: [aRollup().entities[0]], slos: [] }),
      },
    });
    const status = screen.getByRole('status');
    expect(status).toHaveTextContent('Nothing belongs to this system yet');
    expect(status.querySelector('pre')).toHaveTextContent('system: payments');
  });

  it('says the SLOs are not measured yet before the first evaluation', async () => {
    await renderOnEntityPage(<RollupCard />, {
      entity: system,
      api: {
        getEntityRollup: async () =>
          aRollup({ slos: [], slosEvaluatedAt: undefined }),
      },
    });
    expect(
      screen.getByText(/the\s+first has not finished yet/),
    ).toBeInTheDocument();
  });

  it('explains a permission refusal', async () => {
    await renderOnEntityPage(<RollupCard />, {
      entity: system,
      api: {
        getEntityRollup: async () => {
          throw await aPermissionRefusal();
        },
      },
    });
    expect(screen.getByText('Permission required')).toBeInTheDocument();
  });
});
