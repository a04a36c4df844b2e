import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  ResolvedEscalationPath,
  ResolvedOwnership,
} from '@sre-ownership/plugin-sre-ownership-common';
import {
  aPermissionRefusal,
  aServerError,
} from '../../__testUtils__/apiErrors';
import { anOnCallNow } from '../../__testUtils__/burden';
import { renderOnEntityPage } from '../../__testUtils__/entityPage';
import {
  aParty,
  aProblem,
  aResolvedOwnership,
  anEscalationLevel,
} from '../../__testUtils__/resolvedOwnership';
import { formatMoment } from '../formatFigures';
import { EscalationPathCard } from './EscalationPathCard';

function renderCard(getOwnership: () => Promise<ResolvedOwnership>) {
  return renderOnEntityPage(<EscalationPathCard />, {
    api: { getOwnership: jest.fn(getOwnership) },
  });
}

const payments = aParty('group:default/payments', {
  displayName: 'Payments',
  chatChannel: '#payments-oncall',
});
const jane = aParty('user:default/jane-doe', {
  displayName: 'Jane Doe',
  email: 'jane@example.com',
});
const platformSre = aParty('group:default/platform-sre', {
  displayName: 'Platform SRE',
});

const declaredPath: ResolvedEscalationPath = {
  derived: false,
  source: {
    type: 'entity',
    entityRef: 'component:default/payments-api',
    annotation: 'sre-ownership.io/escalation',
    relation: 'self',
  },
  levels: [
    anEscalationLevel(1, payments, { type: 'oncall', afterMinutes: 0 }),
    anEscalationLevel(2, jane, { afterMinutes: 15 }),
    anEscalationLevel(3, platformSre, { afterMinutes: 90 }),
  ],
};

function levelTexts() {
  const list = screen.getByRole('list', { name: 'Escalation levels' });
  return within(list)
    .getAllByRole('listitem')
    .map(item => item.textContent);
}

describe('EscalationPathCard', () => {
  it('shows a progress indicator while loading', async () => {
    await renderCard(() => new Promise(() => {}));
    expect(await screen.findByRole('progressbar')).toBeInTheDocument();
  });

  it('shows what failed when loading fails', async () => {
    const error = await aServerError('catalog down');
    await renderCard(() => Promise.reject(error));
    expect(
      await screen.findByText(/Could not load the escalation path/),
    ).toBeInTheDocument();
  });

  it('explains a permission refusal instead of showing an error', async () => {
    await renderCard(async () => {
      throw await aPermissionRefusal();
    });
    expect(await screen.findByText('Permission required')).toBeInTheDocument();
    expect(screen.queryByText(/Could not load/)).not.toBeInTheDocument();
  });

  it('shows the exact annotation to add when there is no path', async () => {
    await renderCard(async () => aResolvedOwnership());
    expect(await screen.findByText('No escalation path')).toBeInTheDocument();
    expect(screen.getByRole('status').querySelector('pre')).toHaveTextContent(
      [
        'metadata:',
        '  annotations:',
        '    sre-ownership.io/escalation: |',
        '      oncall:group:default/your-team',
        '      user:default/someone after 15m',
        '      group:default/platform-sre after 30m',
      ].join('\n'),
      { normalizeWhitespace: false },
    );
  });

  it('lists the levels in order with their delays', async () => {
    await renderCard(async () =>
      aResolvedOwnership({
        escalation: {
          ...declaredPath,
          levels: [...declaredPath.levels].reverse(),
        },
      }),
    );
    await screen.findByRole('list', { name: 'Escalation levels' });
    expect(levelTexts()).toEqual([
      'Level 1 — immediatelyOn-call rotation of Payments#payments-oncall',
      'Level 2 — after 15mJDJane Doejane@example.com',
      'Level 3 — after 1h 30mPlatform SRE',
    ]);
    expect(
      screen.getByRole('link', { name: /jane@example\.com/ }),
    ).toHaveAttribute('href', 'mailto:jane@example.com');
    expect(screen.getByRole('link', { name: 'Payments' })).toHaveAttribute(
      'href',
      expect.stringContaining('/catalog/default/group/payments'),
    );
    expect(screen.queryByText('Derived')).not.toBeInTheDocument();
  });

  it('says where a declared path came from on hover', async () => {
    const user = userEvent.setup();
    await renderCard(async () =>
      aResolvedOwnership({ escalation: declaredPath }),
    );
    await user.hover(await screen.findByRole('link', { name: 'Jane Doe' }));
    expect(await screen.findByRole('tooltip')).toHaveTextContent(
      'Declared on component:default/payments-api (sre-ownership.io/escalation)',
    );
  });

  it('marks a derived path and says how it was derived', async () => {
    const description =
      'derived from the hybrid model: embedded on-call, then platform on-call, 15 minutes apart.';
    await renderCard(async () =>
      aResolvedOwnership({
        escalation: {
          derived: true,
          source: { type: 'derived', description },
          levels: [
            anEscalationLevel(1, payments, { type: 'oncall' }),
            anEscalationLevel(2, platformSre, {
              type: 'oncall',
              afterMinutes: 15,
            }),
          ],
        },
      }),
    );
    expect(await screen.findByText('Derived')).toBeInTheDocument();
    expect(screen.getByText(`Derived: ${description}`)).toBeInTheDocument();
    expect(levelTexts()).toEqual([
      'Level 1 — immediatelyOn-call rotation of Payments#payments-oncall',
      'Level 2 — after 15mOn-call rotation of Platform SRE',
    ]);
  });

  it('shows escalation problems inline, and only those', async () => {
    await renderCard(async () =>
      aResolvedOwnership({
        escalation: declaredPath,
        problems: [
          aProblem(),
          aProblem({
            annotation: 'sre-ownership.io/escalation',
            value: 'user:default/bob after soon',
            message: '"soon" is not a delay; write it as 15m, 1h or 1h30m',
            severity: 'warning',
          }),
        ],
      }),
    );
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('user:default/bob after soon');
    expect(alert).toHaveTextContent('"soon" is not a delay');
    expect(
      screen.queryByText(/unknown ownership model/),
    ).not.toBeInTheDocument();
    expect(levelTexts()).toHaveLength(3);
  });

  it('says who is on call now at an on-call level, and who is next', async () => {
    const handover = '2025-02-03T18:00:00Z';
    await renderCard(async () =>
      aResolvedOwnership({
        escalation: {
          ...declaredPath,
          levels: [
            anEscalationLevel(1, payments, {
              type: 'oncall',
              onCall: anOnCallNow(),
            }),
            anEscalationLevel(2, platformSre, {
              type: 'oncall',
              afterMinutes: 15,
            }),
          ],
        },
      }),
    );
    await screen.findByRole('list', { name: 'Escalation levels' });
    const until = formatMoment(handover);
    expect(levelTexts()).toEqual([
      `Level 1 — immediatelyOn-call rotation of Payments#payments-oncallOn call now: jane-doe until ${until}Next: mei-lin from ${until}`,
      'Level 2 — after 15mOn-call rotation of Platform SRE',
    ]);
    expect(screen.getByRole('link', { name: /jane-doe/ })).toHaveAttribute(
      'href',
      expect.stringContaining('/catalog/default/user/jane-doe'),
    );
    expect(
      screen
        .getByRole('list', { name: 'Escalation levels' })
        .querySelector('time'),
    ).toHaveAttribute('dateTime', handover);
  });
});
