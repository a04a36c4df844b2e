import { screen } from '@testing-library/react';
import { aServiceHealth } from '../../__testUtils__/burden';
import { renderOnEntityPage } from '../../__testUtils__/entityPage';
import { anEntitySloStatus } from '../../__testUtils__/slo';
import {
  aParty,
  aResolvedOwnership,
  anEscalationLevel,
} from '../../__testUtils__/resolvedOwnership';
import { ReliabilityContent } from './ReliabilityContent';

// Whole cards with MUI render slowly on a busy machine; 5 s is not enough.
jest.setTimeout(30_000);

describe('ReliabilityContent', () => {
  it('shows reliability ownership, the escalation path, on-call health and SLOs together', async () => {
    const platformSre = aParty('group:default/platform-sre', {
      displayName: 'Platform SRE',
    });
    const getOwnership = jest.fn(async () =>
      aResolvedOwnership({
        model: {
          value: 'platform',
          source: { type: 'config', key: 'sreOwnership.defaults.model' },
        },
        reliabilityOwners: [platformSre],
        escalation: {
          derived: true,
          source: { type: 'derived', description: 'platform on-call' },
          levels: [anEscalationLevel(1, platformSre, { type: 'oncall' })],
        },
      }),
    );
    const getServiceHealth = jest.fn(async () => aServiceHealth());
    const getSloStatus = jest.fn(async () => anEntitySloStatus());
    await renderOnEntityPage(<ReliabilityContent />, {
      api: { getOwnership, getServiceHealth, getSloStatus },
    });

    expect(
      await screen.findByText('Reliability ownership'),
    ).toBeInTheDocument();
    expect(screen.getByText('Escalation path')).toBeInTheDocument();
    expect(await screen.findByText('platform')).toBeInTheDocument();
    expect(screen.getByText('Level 1 — immediately')).toBeInTheDocument();
    expect(screen.getByText('On-call health')).toBeInTheDocument();
    expect(
      await screen.findByRole('list', { name: 'On call now by team' }),
    ).toBeInTheDocument();
    expect(getServiceHealth).toHaveBeenCalledWith(
      { kind: 'component', namespace: 'default', name: 'payments-api' },
      {},
    );
    expect(screen.getByText('Service level objectives')).toBeInTheDocument();
    expect(
      await screen.findByRole('article', { name: 'Checkout availability' }),
    ).toBeInTheDocument();
    expect(getOwnership).toHaveBeenCalledWith({
      kind: 'component',
      namespace: 'default',
      name: 'payments-api',
    });
  });
});
