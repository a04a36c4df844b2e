import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useLocation } from 'react-router-dom';
import { pastMonths } from '../WindowSelector/windowChoices';
import { TeamBurden } from '@sre-ownership/plugin-sre-ownership-common';
import {
  aPermissionRefusal,
  aServerError,
} from '../../__testUtils__/apiErrors';
import {
  aTeamBurden,
  anEngineerBurden,
  noTeamFigures,
  someEngineerFigures,
  someTeamFigures,
} from '../../__testUtils__/burden';
import { anEntity, renderOnEntityPage } from '../../__testUtils__/entityPage';
import { TeamBurdenCard } from './TeamBurdenCard';

const team = anEntity({ kind: 'Group', name: 'payments' });

/** Shows the page's query string, to see what the card keeps in the address. */
function AddressProbe() {
  return <div data-testid="address">{useLocation().search}</div>;
}

function renderCard(getTeamBurden: () => Promise<TeamBurden>, path?: string) {
  const api = {
    getTeamBurden: jest.fn(getTeamBurden),
    // The pulse section has its own tests (TeamPulseSection.test.tsx).
    getTeamPulse: jest.fn(() => new Promise<never>(() => {})),
    // The rest owed section has its own tests (RestOwedSection.test.tsx).
    getRestOwed: jest.fn(() => new Promise<never>(() => {})),
  };
  return renderOnEntityPage(
    <>
      <TeamBurdenCard />
      <AddressProbe />
    </>,
    { entity: team, api, path },
  ).then(() => api.getTeamBurden);
}

/** The value shown for a term of the team figures. */
function teamFigure(term: string | RegExp) {
  const section = screen.getByRole('region', { name: 'Team' });
  const dt = within(section).getByText(term, { selector: 'dt' });
  return dt.nextElementSibling as HTMLElement;
}

/** The cell of an engineer's row under the column whose title matches. */
function engineerCell(engineer: RegExp, column: RegExp) {
  const table = screen.getByRole('table', { name: 'Per-engineer burden' });
  const headers = within(table).getAllByRole('columnheader');
  const index = headers.findIndex(header => column.test(header.textContent!));
  const row = within(table).getByRole('row', { name: engineer });
  return row.children[index] as HTMLElement;
}

// Whole cards with MUI render slowly on a busy machine; 5 s is not enough.
jest.setTimeout(30_000);

describe('TeamBurdenCard', () => {
  it('shows a progress indicator while loading', async () => {
    await renderCard(() => new Promise(() => {}));
    expect(await screen.findByRole('progressbar')).toBeInTheDocument();
  });

  it('shows what failed when loading fails', async () => {
    const error = await aServerError('database down');
    await renderCard(() => Promise.reject(error));
    expect(
      screen.getByText(/Could not load this team's on-call burden/),
    ).toBeInTheDocument();
  });

  it('explains a permission refusal instead of showing an error', async () => {
    await renderCard(async () => {
      throw await aPermissionRefusal();
    });
    expect(screen.getByText('Permission required')).toBeInTheDocument();
    expect(screen.queryByText(/Could not load/)).not.toBeInTheDocument();
  });

  it('shows how on-call data arrives when the window has none and no feed is configured', async () => {
    await renderCard(async () =>
      aTeamBurden({
        status: 'no-data',
        current: noTeamFigures(),
        engineers: [],
        weeklyVolume: [],
        scheduleFeeds: [],
      }),
    );
    const status = screen.getByRole('status');
    expect(status).toHaveTextContent('No on-call data for this team');
    expect(status).toHaveTextContent('No schedule feed is configured for it');
    expect(status).toHaveTextContent(/ingestion API/);
    expect(status.querySelector('pre')).toHaveTextContent(
      [
        'metadata:',
        '  annotations:',
        '    sre-ownership.io/oncall-schedule-url: https://…/schedule.ics',
      ].join('\n'),
      { normalizeWhitespace: false },
    );
    expect(screen.getByText('No data')).toBeInTheDocument();
    expect(screen.queryByText('Healthy')).not.toBeInTheDocument();
  });

  it('says when a configured feed was read and what it held, instead of asking to add one', async () => {
    await renderCard(async () =>
      aTeamBurden({
        status: 'no-data',
        current: noTeamFigures(),
        engineers: [],
        weeklyVolume: [],
        scheduleFeeds: [
          {
            feed: 'data-platform',
            lastRunAt: '2026-12-07T04:00:00.000Z',
            ok: true,
            lastSuccessAt: '2026-12-07T04:00:00.000Z',
            shifts: 0,
          },
        ],
      }),
    );
    const status = screen.getByRole('status');
    expect(status).toHaveTextContent('No on-call data in this window');
    expect(screen.getByTestId('schedule-feed-read')).toHaveTextContent(
      /^The schedule feed "data-platform" was read at .+ and holds 0 shifts\.$/,
    );
    expect(status.querySelector('pre')).toBeNull();
    expect(status).not.toHaveTextContent('No schedule feed is configured');
  });

  it('shows figures when only an engineer logged something', async () => {
    await renderCard(async () =>
      aTeamBurden({
        current: noTeamFigures(),
        engineers: [
          anEngineerBurden('user:default/jane-doe', {
            current: someEngineerFigures({
              onCallHours: 0,
              pages: 0,
              toilMinutes: 30,
            }),
          }),
        ],
      }),
    );
    expect(screen.queryByText('No on-call data for this team')).toBeNull();
    expect(
      screen.getByRole('table', { name: 'Per-engineer burden' }),
    ).toBeInTheDocument();
  });

  it('shows figures when the team only logged toil', async () => {
    await renderCard(async () =>
      aTeamBurden({
        current: { ...noTeamFigures(), toilMinutes: 120, toilShare: 0.02 },
        engineers: undefined,
      }),
    );
    expect(screen.queryByText('No on-call data for this team')).toBeNull();
    expect(teamFigure(/Toil share/)).toHaveTextContent('2%');
  });

  it('shows the status and the reasons for it', async () => {
    const reasons = [
      '3 of 5 engineers were on call more than 1 week in the last month.',
      'The team had 3.5 pages per 12-hour shift; the limit is 2.',
    ];
    await renderCard(async () =>
      aTeamBurden({ status: 'overloaded', reasons }),
    );
    expect(screen.getByText('Overloaded')).toBeInTheDocument();
    const list = screen.getByRole('list', { name: 'Reasons for the status' });
    expect(
      within(list)
        .getAllByRole('listitem')
        .map(item => item.textContent),
    ).toEqual(reasons);
  });

  it('compares team figures with their limits and the previous window', async () => {
    await renderCard(async () =>
      aTeamBurden({
        status: 'at-risk',
        current: someTeamFigures({
          pages: 42,
          pagesPerShift: 3,
          rotationSize: 2,
          requiredRotationSize: 4,
          // The backend's verdicts: the card shows them, never judges itself.
          overLimit: ['pagesPerShift', 'rotationSize'],
        }),
        previous: someTeamFigures({ pages: 17 }),
        requiredRotationSize: 4,
      }),
    );
    expect(screen.getByText('At risk')).toBeInTheDocument();
    expect(teamFigure('Pages')).toHaveTextContent('42was 17');
    expect(
      within(teamFigure(/Pages per 12-hour shift \(limit 2\)/)).getByRole(
        'img',
        {
          name: 'over the limit of 2',
        },
      ),
    ).toBeInTheDocument();
    expect(
      within(teamFigure(/Toil share \(limit 50%\)/)).queryByRole('img'),
    ).not.toBeInTheDocument();
    expect(teamFigure(/Rotation size \(4 needed\)/)).toHaveTextContent(
      '2 engineers',
    );
    expect(
      within(teamFigure(/Rotation size/)).getByRole('img', {
        name: 'fewer than the 4 engineers needed',
      }),
    ).toBeInTheDocument();
  });

  it('shows response times by severity with the previous window', async () => {
    await renderCard(async () =>
      aTeamBurden({
        current: someTeamFigures({
          mttaMinutes: { critical: 4, all: 4 },
          mttrMinutes: { critical: 130, all: 130 },
        }),
        previous: someTeamFigures({
          mttaMinutes: { critical: 9, all: 9 },
          mttrMinutes: {},
        }),
      }),
    );
    const table = screen.getByRole('table', {
      name: 'Response times by severity',
    });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map(row => row.textContent)).toEqual([
      'critical4mwas 9m2h 10m',
      'all severities4mwas 9m2h 10m',
    ]);
  });

  it('shows undefined figures as "—" with the reason, never as 0', async () => {
    await renderCard(async () =>
      aTeamBurden({
        current: someTeamFigures({ toilShare: null }),
        engineers: [
          anEngineerBurden('user:default/mei-lin', {
            member: false,
            current: someEngineerFigures({
              onCallHours: 0,
              pagesPerShift: null,
              offRotationPages: 10,
            }),
          }),
        ],
      }),
    );
    expect(teamFigure(/Toil share/)).toHaveTextContent(
      '—no business hours in this window',
    );
    expect(engineerCell(/mei-lin/, /^Pages per shift/)).toHaveTextContent(
      '—never on call',
    );
    // Pages off rotation is not among the columns shown at first.
    expect(
      within(
        screen.getByRole('table', { name: 'Per-engineer burden' }),
      ).queryByRole('columnheader', { name: /Pages off rotation/ }),
    ).not.toBeInTheDocument();
    await userEvent.click(
      screen.getByRole('button', { name: /^Columns \(6 of 10\)/ }),
    );
    await userEvent.click(
      screen.getByRole('menuitemcheckbox', { name: 'Pages off rotation' }),
    );
    await userEvent.keyboard('{Escape}');
    expect(engineerCell(/mei-lin/, /^Pages off rotation/)).toHaveTextContent(
      '10',
    );
    expect(
      screen.getByRole('button', { name: /^Columns \(7 of 10\)/ }),
    ).toBeInTheDocument();
    expect(screen.getByText(/from another team/)).toBeInTheDocument();
  });

  it('does not judge a team figure the backend did not', async () => {
    await renderCard(async () =>
      aTeamBurden({
        current: someTeamFigures({ pagesPerShift: 3, overLimit: [] }),
      }),
    );
    expect(
      within(teamFigure(/Pages per 12-hour shift/)).queryByRole('img', {
        name: 'over the limit of 2',
      }),
    ).not.toBeInTheDocument();
  });

  it('names a user whose time zone annotation is unknown', async () => {
    await renderCard(async () =>
      aTeamBurden({
        problems: [
          {
            entityRef: 'user:default/mars',
            annotation: 'sre-ownership.io/timezone',
            value: 'Mars/Olympus',
            message: 'is not an IANA time zone',
            severity: 'error',
          },
        ],
      }),
    );
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('sre-ownership.io/timezone on mars');
    expect(alert).toHaveTextContent('Mars/Olympus: is not an IANA time zone');
  });

  it('marks an engineer over a limit, and one close to it', async () => {
    await renderCard(async () =>
      aTeamBurden({
        engineers: [
          anEngineerBurden('user:default/jane-doe', {
            current: someEngineerFigures({
              pagesPerShift: 3.5,
              onCallShare: 0.22,
            }),
            previous: someEngineerFigures({ pagesPerShift: 1.5 }),
            overLimit: ['pagesPerShift'],
            nearLimit: ['onCallShare'],
          }),
          anEngineerBurden('user:default/mei-lin', {
            timezone: 'Asia/Singapore',
          }),
        ],
      }),
    );
    const janesPages = engineerCell(
      /jane-doe/,
      /^Pages per shift \(limit 2\)$/,
    );
    expect(janesPages).toHaveTextContent('3.5');
    expect(janesPages).toHaveTextContent('was 1.5');
    expect(
      within(janesPages).getByRole('img', { name: 'over the limit of 2' }),
    ).toBeInTheDocument();
    expect(
      within(engineerCell(/jane-doe/, /^On-call share/)).getByRole('img', {
        name: 'close to the limit of 25%',
      }),
    ).toBeInTheDocument();
    expect(
      within(engineerCell(/mei-lin/, /^Pages per shift/)).queryByRole('img'),
    ).not.toBeInTheDocument();
    // The time zone reads under the name rather than in a column of its own.
    expect(engineerCell(/mei-lin/, /^Engineer$/)).toHaveTextContent(
      'Asia/Singapore',
    );
    expect(screen.getByRole('link', { name: /jane-doe/ })).toHaveAttribute(
      'href',
      expect.stringContaining('/catalog/default/user/jane-doe'),
    );
  });

  it("takes the backend's word that an engineer is over a limit", async () => {
    await renderCard(async () =>
      aTeamBurden({
        engineers: [
          anEngineerBurden('user:default/jane-doe', {
            current: someEngineerFigures({ onCallWeeksPerMonth: 1 }),
            overLimit: ['onCallWeeksPerMonth'],
          }),
        ],
      }),
    );
    const weeks = engineerCell(/jane-doe/, /^On-call weeks \/ month/);
    expect(
      within(weeks).getByRole('img', { name: 'over the limit of 1' }),
    ).toBeInTheDocument();
  });

  it('does not call a figure over its limit when the backend does not', async () => {
    // 169 hours on call in a week with a clock change: the backend allows it.
    await renderCard(async () =>
      aTeamBurden({
        engineers: [
          anEngineerBurden('user:default/jane-doe', {
            current: someEngineerFigures({ onCallWeeksPerMonth: 169 / 168 }),
            overLimit: [],
            nearLimit: ['onCallWeeksPerMonth'],
          }),
        ],
      }),
    );
    const weeks = engineerCell(/jane-doe/, /^On-call weeks \/ month/);
    expect(
      within(weeks).queryByRole('img', { name: 'over the limit of 1' }),
    ).not.toBeInTheDocument();
    expect(
      within(weeks).getByRole('img', { name: 'close to the limit of 1' }),
    ).toBeInTheDocument();
  });

  it('says why per-engineer figures are hidden and keeps the team totals', async () => {
    await renderCard(async () =>
      aTeamBurden({
        engineers: undefined,
        current: someTeamFigures({ pages: 42 }),
      }),
    );
    expect(
      screen.getByText(/Per-engineer figures are hidden because you lack the/),
    ).toHaveTextContent('sre-ownership.burden.read permission');
    expect(
      screen.queryByRole('table', { name: 'Per-engineer burden' }),
    ).not.toBeInTheDocument();
    expect(teamFigure('Pages')).toHaveTextContent('42');
  });

  it('offers the configured window when it is not one of the usual ones', async () => {
    await renderCard(async () =>
      aTeamBurden({ window: { ...aTeamBurden().window, days: 30 } }),
    );
    expect(await screen.findByLabelText('Window')).toHaveValue('days:30');
    expect(
      screen.getByRole('option', { name: 'Last 30 days' }),
    ).toBeInTheDocument();
  });

  it('loads again over the window chosen', async () => {
    const user = userEvent.setup();
    const getTeamBurden = await renderCard(async () => aTeamBurden());
    const teamRef = { kind: 'group', namespace: 'default', name: 'payments' };
    // First the backend's configured window, which the selector then shows.
    expect(getTeamBurden).toHaveBeenLastCalledWith(teamRef, {});
    expect(await screen.findByLabelText('Window')).toHaveValue('days:28');

    await user.selectOptions(screen.getByLabelText('Window'), 'Last 7 days');

    expect(getTeamBurden).toHaveBeenLastCalledWith(teamRef, { days: 7 });
    await waitFor(() =>
      expect(screen.getByRole('region', { name: 'Team' })).toBeInTheDocument(),
    );
    expect(screen.getByLabelText('Window')).toHaveValue('days:7');
    // The window is kept in the address, for a reload or a shared link.
    expect(screen.getByTestId('address')).toHaveTextContent('window=days%3A7');
  });

  it('opens on the window named in the address', async () => {
    const month = pastMonths(new Date())[2];
    const getTeamBurden = await renderCard(
      async () => aTeamBurden(),
      `/?window=${month.key}`,
    );
    expect(getTeamBurden).toHaveBeenLastCalledWith(
      { kind: 'group', namespace: 'default', name: 'payments' },
      month.query,
    );
    expect(await screen.findByLabelText('Window')).toHaveValue(month.key);
  });

  it('says a past window had nothing, keeping the pulse and rest owed, without set-up advice', async () => {
    const month = pastMonths(new Date())[0];
    await renderCard(
      async () =>
        aTeamBurden({
          window: {
            from: month.query.from!,
            to: month.query.to!,
            days: 30,
            endsNow: false,
          },
          status: 'no-data',
          current: noTeamFigures(),
          engineers: [],
          weeklyVolume: [],
        }),
      `/?window=${month.key}`,
    );
    expect(
      screen.getByText(
        /No shifts, pages or toil were recorded for this team from/,
      ),
    ).toBeInTheDocument();
    expect(
      screen.queryByText('No on-call data for this team'),
    ).not.toBeInTheDocument();
    expect(
      screen.getByRole('region', { name: 'On-call pulse' }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('region', { name: 'Rest owed and compensation' }),
    ).toBeInTheDocument();
    expect(screen.queryByText('Healthy')).not.toBeInTheDocument();
  });
});
