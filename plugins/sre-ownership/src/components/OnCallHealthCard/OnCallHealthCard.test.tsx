import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ServiceOnCallHealth } from '@sre-ownership/plugin-sre-ownership-common';
import {
  aPermissionRefusal,
  aServerError,
} from '../../__testUtils__/apiErrors';
import {
  aServiceHealth,
  anOnCallNow,
  someServiceHealthFigures,
} from '../../__testUtils__/burden';
import { renderOnEntityPage } from '../../__testUtils__/entityPage';
import { formatMoment } from '../formatFigures';
import { pastMonths } from '../WindowSelector/windowChoices';
import { OnCallHealthCard } from './OnCallHealthCard';

async function renderCard(
  getServiceHealth: () => Promise<ServiceOnCallHealth>,
) {
  const api = { getServiceHealth: jest.fn(getServiceHealth) };
  await renderOnEntityPage(<OnCallHealthCard />, { api });
  return api.getServiceHealth;
}

function figure(term: string) {
  const section = screen.getByRole('region', { name: 'Pages' });
  return within(section).getByText(term, { selector: 'dt' })
    .nextElementSibling as HTMLElement;
}

const noPages = someServiceHealthFigures({
  pages: 0,
  offHoursShare: 0,
  mttaMinutes: {},
  mttrMinutes: {},
});

describe('OnCallHealthCard', () => {
  it('shows a progress indicator while loading', async () => {
    await renderCard(() => new Promise(() => {}));
    expect(await screen.findByRole('progressbar')).toBeInTheDocument();
  });

  it('shows what failed when loading fails', async () => {
    const error = await aServerError('database down');
    await renderCard(() => Promise.reject(error));
    expect(
      screen.getByText(/Could not load this service's on-call health/),
    ).toBeInTheDocument();
  });

  it('explains a permission refusal instead of showing an error', async () => {
    await renderCard(async () => {
      throw await aPermissionRefusal();
    });
    expect(screen.getByText('Permission required')).toBeInTheDocument();
    expect(screen.queryByText(/Could not load/)).not.toBeInTheDocument();
  });

  it('names the ways pages arrive when there are none and nobody is on call', async () => {
    await renderCard(async () =>
      aServiceHealth({
        current: noPages,
        previous: noPages,
        weeklyVolume: [],
        onCall: [anOnCallNow({ current: [], next: undefined })],
      }),
    );
    const status = screen.getByRole('status');
    expect(status).toHaveTextContent('No pages and nobody on call');
    expect(status).toHaveTextContent('labelled service="payments-api"');
    expect(status).toHaveTextContent('bulk ingestion API');
    expect(status.querySelector('pre')).toHaveTextContent(
      [
        'metadata:',
        '  annotations:',
        '    pagerduty.com/service-id: PXXXXXX',
      ].join('\n'),
      { normalizeWhitespace: false },
    );
  });

  it('shows who is on call even when nothing paged', async () => {
    await renderCard(async () =>
      aServiceHealth({ current: noPages, previous: noPages }),
    );
    expect(screen.queryByText('No pages and nobody on call')).toBeNull();
    expect(screen.getByText(/On call now:/)).toBeInTheDocument();
  });

  it('shows who is next even when nobody is on call and nothing paged', async () => {
    await renderCard(async () =>
      aServiceHealth({
        current: noPages,
        previous: noPages,
        onCall: [anOnCallNow({ current: [] })],
      }),
    );
    expect(screen.queryByText('No pages and nobody on call')).toBeNull();
    expect(screen.getByText('Nobody is on call now.')).toBeInTheDocument();
    expect(screen.getByText(/Next:/)).toHaveTextContent('Next: mei-lin from');
  });

  it('shows who is on call now, until when, and who is next', async () => {
    await renderCard(async () =>
      aServiceHealth({
        onCall: [
          anOnCallNow(),
          anOnCallNow({
            teamRef: 'group:default/platform-sre',
            current: [],
            next: undefined,
          }),
        ],
      }),
    );
    const teams = within(
      screen.getByRole('list', { name: 'On call now by team' }),
    ).getAllByRole('listitem');
    expect(teams).toHaveLength(2);
    const until = formatMoment('2025-02-03T18:00:00Z');
    expect(teams[0]).toHaveTextContent(
      `paymentsOn call now: jane-doe until ${until}Next: mei-lin from ${until}`,
    );
    expect(
      within(teams[0]).getByRole('link', { name: /jane-doe/ }),
    ).toHaveAttribute(
      'href',
      expect.stringContaining('/catalog/default/user/jane-doe'),
    );
    expect(teams[0].querySelector('time')).toHaveAttribute(
      'dateTime',
      '2025-02-03T18:00:00Z',
    );
    expect(teams[1]).toHaveTextContent('platform-sreNobody is on call now.');
  });

  it('compares page volume and off-hours share with the previous window', async () => {
    await renderCard(async () => aServiceHealth());
    expect(figure('Pages in the last 28 days')).toHaveTextContent('5was 3');
    expect(figure('Outside business hours')).toHaveTextContent('40%was 20%');
    expect(
      screen.getAllByRole('img', { name: /^Week of .+: \d+ pages?$/ }),
    ).toHaveLength(4);
    expect(
      screen.getByText(
        'Pages fell 50% in the last full week compared with the week before.',
      ),
    ).toBeInTheDocument();
    const times = screen.getByRole('table', {
      name: 'Response times by severity',
    });
    expect(within(times).getAllByRole('row')[1]).toHaveTextContent(
      'critical3mwas 3m45mwas 45m',
    );
  });

  it('loads again over the window chosen', async () => {
    const user = userEvent.setup();
    const getServiceHealth = await renderCard(async () => aServiceHealth());
    const ref = {
      kind: 'component',
      namespace: 'default',
      name: 'payments-api',
    };
    // First the backend's configured window, which the selector then shows.
    expect(getServiceHealth).toHaveBeenLastCalledWith(ref, {});
    expect(await screen.findByLabelText('Window')).toHaveValue('days:28');
    await user.selectOptions(screen.getByLabelText('Window'), 'Last 90 days');
    expect(getServiceHealth).toHaveBeenLastCalledWith(ref, { days: 90 });
    expect(
      await screen.findByText('Pages in the last 28 days'),
    ).toBeInTheDocument();
  });

  it('loads a past calendar month and names its dates', async () => {
    const user = userEvent.setup();
    const [lastMonth] = pastMonths(new Date());
    const getServiceHealth = await renderCard(async () =>
      aServiceHealth({
        window: {
          from: '2026-09-01T00:00:00.000Z',
          to: '2026-10-01T00:00:00.000Z',
          days: 30,
          endsNow: false,
        },
      }),
    );
    await user.selectOptions(
      await screen.findByLabelText('Window'),
      lastMonth.label,
    );
    expect(getServiceHealth).toHaveBeenLastCalledWith(
      expect.anything(),
      lastMonth.query,
    );
    expect(
      await screen.findByText('Pages from 1 Sept 2026 to 30 Sept 2026'),
    ).toBeInTheDocument();
  });
});
