import { NotAllowedError, ResponseError } from '@backstage/errors';
import { DeclaredOwnership } from '@sre-ownership/plugin-sre-ownership-common';
import { screen } from '@testing-library/react';
import { SreOwnershipApi } from '../../api';
import { renderOnEntityPage } from '../../__testUtils__/entityPage';
import { ReliabilityOwnershipCard } from './ReliabilityOwnershipCard';

const declared = (
  overrides: Partial<DeclaredOwnership> = {},
): DeclaredOwnership => ({
  entityRef: 'component:default/payments-api',
  embeddedSres: [],
  problems: [],
  ...overrides,
});

function renderCard(
  getDeclaredOwnership: SreOwnershipApi['getDeclaredOwnership'],
) {
  return renderOnEntityPage(<ReliabilityOwnershipCard />, {
    api: { getDeclaredOwnership },
  });
}

describe('ReliabilityOwnershipCard', () => {
  it('shows a progress indicator while loading', async () => {
    await renderCard(() => new Promise(() => {}));
    expect(await screen.findByRole('progressbar')).toBeInTheDocument();
  });

  it('shows the model, its meaning and the teams', async () => {
    await renderCard(async () =>
      declared({
        model: 'hybrid',
        platformTeam: 'group:default/platform-sre',
        embeddedSres: ['user:default/mei-lin'],
      }),
    );
    expect(await screen.findByText('hybrid')).toBeInTheDocument();
    expect(
      screen.getByText(/split by a responsibility matrix/),
    ).toBeInTheDocument();
    expect(screen.getByText('platform-sre')).toBeInTheDocument();
    expect(screen.getByText('mei-lin')).toBeInTheDocument();
  });

  it('shows the exact annotations to add when nothing is declared', async () => {
    await renderCard(async () => declared());
    expect(
      await screen.findByText('No reliability ownership declared'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/sre-ownership\.io\/model: hybrid/),
    ).toBeInTheDocument();
  });

  it('shows declaration problems inline', async () => {
    await renderCard(async () =>
      declared({
        problems: [
          {
            entityRef: 'component:default/payments-api',
            annotation: 'sre-ownership.io/model',
            value: 'embeded',
            message: 'unknown ownership model "embeded"',
            severity: 'error',
          },
        ],
      }),
    );
    expect(
      await screen.findByText(
        'sre-ownership.io/model: unknown ownership model "embeded"',
      ),
    ).toBeInTheDocument();
  });

  it('explains a permission refusal instead of showing an error', async () => {
    await renderCard(async () => {
      throw new NotAllowedError('denied');
    });
    expect(await screen.findByText('Permission required')).toBeInTheDocument();
  });

  it('shows other errors with what failed', async () => {
    await renderCard(async () => {
      throw await ResponseError.fromResponse(
        new Response(
          JSON.stringify({ error: { name: 'Error', message: 'catalog down' } }),
          {
            status: 500,
            statusText: 'Internal Server Error',
            headers: { 'Content-Type': 'application/json' },
          },
        ),
      );
    });
    expect(
      await screen.findByText(/Could not load reliability ownership/),
    ).toBeInTheDocument();
  });
});
