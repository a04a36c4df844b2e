import { renderInTestApp } from '@backstage/frontend-test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import {
  Party,
  SpecialistCell,
  SpecialistGapRow,
} from '@sre-ownership/plugin-sre-ownership-common';
import { screen, within } from '@testing-library/react';
import { SpecialistGapsMatrix } from './SpecialistGapsMatrix';

const person = (name: string, displayName: string): Party => ({
  ref: `user:default/${name}`,
  kind: 'user',
  displayName,
  exists: true,
});

const nobody: SpecialistCell = {
  backups: [],
  unfilled: true,
  singlePerson: false,
  samePrimaryAndBackup: false,
  overLimit: null,
};

/** Payments as its services resolve it: a Domain's SLO guard, one service without. */
const payments: SpecialistGapRow = {
  teamRef: 'group:default/payments',
  displayName: 'Payments',
  services: 3,
  roles: {
    educator: nobody,
    'infrastructure-architect': nobody,
    'incident-response-leader': nobody,
    'slo-guard': {
      primary: person('jane-doe', 'Jane Doe'),
      backups: [],
      unfilled: false,
      singlePerson: true,
      samePrimaryAndBackup: false,
      overLimit: [],
      declaredOn: ['domain:default/commerce'],
      servicesWithout: ['component:default/legacy-billing'],
    },
  },
};

describe('SpecialistGapsMatrix', () => {
  it('says what it counts and where each holder is declared', async () => {
    await renderInTestApp(<SpecialistGapsMatrix rows={[payments]} />, {
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
    });
    expect(screen.getByTestId('specialist-gaps-counts')).toHaveTextContent(
      "Each cell is the role as the team's services resolve it",
    );
    const row = screen.getByRole('row', { name: /Payments/ });
    expect(within(row).getByText('3 services')).toBeInTheDocument();
    expect(within(row).getByText(/^Jane Doe/)).toBeInTheDocument();
    expect(within(row).getByText('from commerce')).toBeInTheDocument();
    expect(
      within(row).getByText('none for legacy-billing'),
    ).toBeInTheDocument();
    expect(within(row).getAllByText('Nobody')).toHaveLength(3);
  });
});
