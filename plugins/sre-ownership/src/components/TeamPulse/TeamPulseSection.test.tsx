import {
  TeamPulse,
  TeamPulseComments,
} from '@sre-ownership/plugin-sre-ownership-common';
import { screen, within } from '@testing-library/react';
import {
  aPermissionRefusal,
  aServerError,
} from '../../__testUtils__/apiErrors';
import { anEntity, renderOnEntityPage } from '../../__testUtils__/entityPage';
import { TeamPulseSection } from './TeamPulseSection';

const period = { from: '2026-11-02', to: '2026-11-30' };
const previousPeriod = { from: '2026-10-05', to: '2026-11-02' };

const aPulse = (overrides: Partial<TeamPulse> = {}): TeamPulse => ({
  teamRef: 'group:default/payments',
  minimumAnswers: 5,
  current: {
    period,
    answers: 6,
    averages: { sustainable: 2.6, sleep: 3.1, actionable: 4 },
  },
  previous: {
    period: previousPeriod,
    answers: 7,
    averages: { sustainable: 3.8, sleep: 3.1, actionable: 3.5 },
  },
  declines: [{ question: 'sustainable', previous: 3.8, current: 2.6 }],
  ...overrides,
});

const someComments: TeamPulseComments = {
  teamRef: 'group:default/payments',
  period,
  comments: ['Too many pages at night', 'The runbooks helped'],
};

function renderSection(
  getTeamPulse: () => Promise<TeamPulse>,
  getTeamPulseComments: () => Promise<TeamPulseComments> = async () =>
    someComments,
) {
  return renderOnEntityPage(<TeamPulseSection />, {
    entity: anEntity({ kind: 'Group', name: 'payments' }),
    api: { getTeamPulse, getTeamPulseComments },
  });
}

/** The value shown for a term of the averages. */
const figure = (term: string) =>
  screen.getByText(term, { selector: 'dt' }).nextElementSibling;

describe('TeamPulseSection', () => {
  it('shows a progress indicator while loading', async () => {
    await renderSection(() => new Promise(() => {}));
    expect(await screen.findByRole('progressbar')).toBeInTheDocument();
  });

  it('shows what failed when loading fails', async () => {
    const error = await aServerError('database down');
    await renderSection(() => Promise.reject(error));
    expect(
      screen.getByText(/Could not load this team's pulse/),
    ).toBeInTheDocument();
  });

  it('explains a permission refusal', async () => {
    await renderSection(async () => {
      throw await aPermissionRefusal();
    });
    expect(screen.getByText('Permission required')).toBeInTheDocument();
  });

  it('shows only the count below the minimum of answers', async () => {
    await renderSection(async () =>
      aPulse({
        current: { period, answers: 3 },
        declines: [],
      }),
    );
    expect(screen.getByRole('status')).toHaveTextContent(
      '3 people answered; at least 5 are needed to show a summary.',
    );
    expect(screen.queryByText('Sustainable rotation')).toBeNull();
    expect(screen.queryByText(/Too many pages/)).toBeNull();
  });

  it('shows each average with its trend, and the comments', async () => {
    await renderSection(async () => aPulse());
    expect(figure('Sustainable rotation')).toHaveTextContent(
      '2.6 / 5 (fell from 3.8)',
    );
    expect(figure('Undisturbed sleep')).toHaveTextContent(
      '3.1 / 5 (as before)',
    );
    expect(figure('Actionable pages')).toHaveTextContent(
      '4.0 / 5 (rose from 3.5)',
    );
    expect(
      screen.getByText(/^6 people answered for shifts/),
    ).toBeInTheDocument();
    const comments = await screen.findByRole('list', {
      name: 'Pulse comments',
    });
    expect(
      within(comments)
        .getAllByRole('listitem')
        .map(item => item.textContent),
    ).toEqual(someComments.comments);
  });

  it('says there is no earlier summary when the previous period is below the minimum', async () => {
    await renderSection(async () =>
      aPulse({
        previous: { period: previousPeriod, answers: 2 },
        declines: [],
      }),
    );
    expect(figure('Sustainable rotation')).toHaveTextContent(
      '2.6 / 5 (no earlier summary)',
    );
  });

  it('names the permission that shows comments to those without it', async () => {
    await renderSection(
      async () => aPulse(),
      async () => {
        throw await aPermissionRefusal();
      },
    );
    expect(
      await screen.findByText(/sre-ownership.pulse.comments.read permission/),
    ).toBeInTheDocument();
    expect(screen.getByText('Sustainable rotation')).toBeInTheDocument();
  });
});
