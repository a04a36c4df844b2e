import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ResolvedOwnership } from '@sre-ownership/plugin-sre-ownership-common';
import {
  aPermissionRefusal,
  aServerError,
} from '../../__testUtils__/apiErrors';
import { renderOnEntityPage } from '../../__testUtils__/entityPage';
import {
  aHybridMatrix,
  aParty,
  aProblem,
  aResolvedOwnership,
  aSpecialist,
} from '../../__testUtils__/resolvedOwnership';
import { ReliabilityOwnershipCard } from './ReliabilityOwnershipCard';

function renderCard(getOwnership: () => Promise<ResolvedOwnership>) {
  return renderOnEntityPage(<ReliabilityOwnershipCard />, {
    api: { getOwnership: jest.fn(getOwnership) },
  });
}

const platformSre = aParty('group:default/platform-sre', {
  displayName: 'Platform SRE',
  email: 'platform-sre@example.com',
  chatChannel: '#platform-sre',
});
const meiLin = aParty('user:default/mei-lin', {
  displayName: 'Mei Lin',
  email: 'mei.lin@example.com',
  picture: 'https://example.com/mei.png',
});
const priya = aParty('user:default/priya-shah', { displayName: 'Priya Shah' });
const ghost = aParty('user:default/ghost', {
  displayName: 'ghost',
  exists: false,
});

const embeddedSource = {
  type: 'entity',
  entityRef: 'system:default/payments-platform',
  annotation: 'sre-ownership.io/embedded-sres',
  relation: 'system',
} as const;

function aHybridOwnership(): ResolvedOwnership {
  return aResolvedOwnership({
    model: {
      value: 'hybrid',
      source: {
        type: 'entity',
        entityRef: 'component:default/payments-api',
        annotation: 'sre-ownership.io/model',
        relation: 'self',
      },
    },
    platformTeam: {
      value: platformSre,
      source: { type: 'config', key: 'sreOwnership.defaults.platformTeam' },
    },
    embeddedSres: { value: [meiLin, ghost], source: embeddedSource },
    reliabilityOwners: [platformSre, meiLin, ghost],
    specialists: [
      aSpecialist({ role: 'educator' }),
      aSpecialist({
        role: 'slo-guard',
        primary: priya,
        gap: 'single-point-of-failure',
        source: embeddedSource,
      }),
      aSpecialist({
        role: 'incident-response-leader',
        primary: meiLin,
        backups: [priya],
        gap: undefined,
        source: embeddedSource,
      }),
    ],
    responsibilities: aHybridMatrix(platformSre, [meiLin]),
    problems: [
      aProblem({
        entityRef: 'system:default/payments-platform',
        annotation: 'sre-ownership.io/embedded-sres',
        value: 'user:default/ghost',
        message:
          'user:default/ghost is not in the catalog, or you are not allowed to see it',
      }),
    ],
  });
}

describe('ReliabilityOwnershipCard', () => {
  it('shows a progress indicator while loading', async () => {
    await renderCard(() => new Promise(() => {}));
    expect(await screen.findByRole('progressbar')).toBeInTheDocument();
  });

  it('shows what failed when loading fails', async () => {
    const error = await aServerError('catalog down');
    await renderCard(() => Promise.reject(error));
    expect(
      await screen.findByText(/Could not load reliability ownership/),
    ).toBeInTheDocument();
  });

  it('explains a permission refusal instead of showing an error', async () => {
    await renderCard(async () => {
      throw await aPermissionRefusal();
    });
    expect(await screen.findByText('Permission required')).toBeInTheDocument();
    expect(screen.queryByText(/Could not load/)).not.toBeInTheDocument();
  });

  it('shows the exact annotations to add when nothing is declared', async () => {
    await renderCard(async () => aResolvedOwnership());
    expect(
      await screen.findByText('No reliability ownership declared'),
    ).toBeInTheDocument();
    expect(screen.getByRole('status').querySelector('pre')).toHaveTextContent(
      [
        'metadata:',
        '  annotations:',
        '    sre-ownership.io/model: hybrid',
        '    sre-ownership.io/platform-team: group:default/platform-sre',
        '    sre-ownership.io/embedded-sres: user:default/jane-doe',
        '    sre-ownership.io/incident-response-leader: user:default/jane-doe, user:default/john-roe',
      ].join('\n'),
      { normalizeWhitespace: false },
    );
  });

  it('shows a broken declaration instead of the empty state', async () => {
    await renderCard(async () =>
      aResolvedOwnership({ problems: [aProblem()] }),
    );
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('sre-ownership.io/model');
    expect(alert).toHaveTextContent('embeded');
    expect(alert).toHaveTextContent('unknown ownership model "embeded"');
    expect(
      screen.queryByText('No reliability ownership declared'),
    ).not.toBeInTheDocument();
  });

  it('asks for a model when only a team is known', async () => {
    await renderCard(async () =>
      aResolvedOwnership({
        platformTeam: {
          value: platformSre,
          source: { type: 'config', key: 'sreOwnership.defaults.platformTeam' },
        },
      }),
    );
    expect(
      await screen.findByText('No ownership model declared'),
    ).toBeInTheDocument();
    expect(screen.getByRole('status').querySelector('pre')).toHaveTextContent(
      'sre-ownership.io/model: hybrid # or platform, embedded, self-managed',
    );
    expect(screen.getAllByText('Platform SRE').length).toBeGreaterThan(0);
  });

  it('shows the model and its meaning', async () => {
    await renderCard(async () => aHybridOwnership());
    expect(await screen.findByText('hybrid')).toBeInTheDocument();
    expect(
      screen.getByText(/split by a responsibility matrix/),
    ).toBeInTheDocument();
  });

  it('lists the reliability owners with how to reach them', async () => {
    await renderCard(async () => aHybridOwnership());
    const owners = await screen.findByRole('region', {
      name: 'Reliability owners',
    });
    expect(
      within(owners).getByRole('link', { name: 'Platform SRE' }),
    ).toBeInTheDocument();
    expect(
      within(owners).getByRole('link', { name: /platform-sre@example\.com/ }),
    ).toHaveAttribute('href', 'mailto:platform-sre@example.com');
    expect(within(owners).getByText('#platform-sre')).toBeInTheDocument();
    expect(
      within(owners).getByRole('link', { name: 'Mei Lin' }),
    ).toBeInTheDocument();
  });

  it('warns about people who are not in the catalog instead of linking them', async () => {
    await renderCard(async () => aHybridOwnership());
    const embedded = await screen.findByRole('region', {
      name: 'Embedded SREs',
    });
    expect(
      within(embedded).getByText('ghost (not in the catalog)'),
    ).toBeInTheDocument();
    expect(
      within(embedded).queryByRole('link', { name: /ghost/ }),
    ).not.toBeInTheDocument();
  });

  it('shows each specialist role with its holders and gaps', async () => {
    await renderCard(async () => aHybridOwnership());
    const sloGuard = await screen.findByRole('listitem', { name: 'SLO guard' });
    expect(
      within(sloGuard).getByRole('link', { name: 'Priya Shah' }),
    ).toBeInTheDocument();
    expect(within(sloGuard).getByText('PS')).toBeInTheDocument();
    expect(within(sloGuard).getByText('No backup')).toBeInTheDocument();

    const educator = screen.getByRole('listitem', { name: 'Educator' });
    expect(within(educator).getByText('Unfilled')).toBeInTheDocument();

    const leader = screen.getByRole('listitem', {
      name: 'Incident response leader',
    });
    expect(
      within(leader).getByRole('img', { name: 'Mei Lin' }),
    ).toHaveAttribute('src', 'https://example.com/mei.png');
    expect(within(leader).getByText('Backup')).toBeInTheDocument();
    expect(within(leader).queryByText('No backup')).not.toBeInTheDocument();
  });

  it('shows the hybrid responsibility matrix', async () => {
    await renderCard(async () => aHybridOwnership());
    const matrix = await screen.findByRole('table', {
      name: 'Responsibility matrix',
    });
    const rows = within(matrix)
      .getAllByRole('row')
      .slice(1)
      .map(row =>
        within(row)
          .getAllByRole('cell')
          .map(cell => cell.textContent),
      );
    expect(rows.map(([area, provider]) => [area, provider])).toEqual([
      ['Monitoring', 'Platform team'],
      ['Deployment pipelines', 'Platform team'],
      ['Incident tooling', 'Platform team'],
      ['SLO definition', 'Embedded SREs'],
      ['On-call', 'Embedded SREs'],
      ['Capacity', 'Shared'],
      ['Postmortems', 'Shared'],
      ['Runbooks', 'Embedded SREs'],
    ]);
    const who = Object.fromEntries(
      rows.map(([area, , names]) => [area, names]),
    );
    expect(who.Monitoring).toContain('Platform SRE');
    expect(who.Monitoring).not.toContain('Mei Lin');
    expect(who['On-call']).toContain('Mei Lin');
    expect(who.Capacity).toMatch(/Platform SRE.*Mei Lin/);
  });

  it('shows problems with the entity that declared them', async () => {
    await renderCard(async () => aHybridOwnership());
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(
      'user:default/ghost is not in the catalog, or you are not allowed to see it',
    );
    expect(alert).toHaveTextContent('sre-ownership.io/embedded-sres');
    expect(within(alert).getByRole('link')).toHaveAttribute(
      'href',
      expect.stringContaining('/catalog/default/system/payments-platform'),
    );
  });

  it('says where a value came from on hover', async () => {
    const user = userEvent.setup();
    await renderCard(async () => aHybridOwnership());
    const embedded = await screen.findByRole('region', {
      name: 'Embedded SREs',
    });
    await user.hover(within(embedded).getByRole('link', { name: 'Mei Lin' }));
    expect(await screen.findByRole('tooltip')).toHaveTextContent(
      'Inherited from system:default/payments-platform (sre-ownership.io/embedded-sres)',
    );
  });

  it('puts the matrix of other models behind an expandable section', async () => {
    const user = userEvent.setup();
    await renderCard(async () =>
      aResolvedOwnership({
        model: {
          value: 'platform',
          source: { type: 'config', key: 'sreOwnership.defaults.model' },
        },
        platformTeam: {
          value: platformSre,
          source: { type: 'config', key: 'sreOwnership.defaults.platformTeam' },
        },
        reliabilityOwners: [platformSre],
        responsibilities: aHybridMatrix(platformSre, []).map(cell => ({
          ...cell,
          provider: 'platform',
          providers: [platformSre],
        })),
      }),
    );
    const toggle = await screen.findByRole('button', {
      name: 'Responsibility matrix',
    });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await user.click(toggle);
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    expect(
      screen.getByRole('table', { name: 'Responsibility matrix' }),
    ).toBeInTheDocument();
  });
});
