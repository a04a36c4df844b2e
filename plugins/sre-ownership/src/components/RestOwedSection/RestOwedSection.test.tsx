import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  DEFAULT_REST_RULES,
  EngineerRestOwed,
  TeamRestOwed,
} from '@sre-ownership/plugin-sre-ownership-common';
import { SreOwnershipApi } from '../../api';
import {
  aPermissionRefusal,
  aServerError,
} from '../../__testUtils__/apiErrors';
import { anEntity, renderOnEntityPage } from '../../__testUtils__/entityPage';
import { RestOwedSection } from './RestOwedSection';

// Whole sections with MUI render slowly on a busy machine.
jest.setTimeout(30_000);

const team = anEntity({ kind: 'Group', name: 'payments' });
const teamRef = { kind: 'Group', namespace: 'default', name: 'payments' };

function anEngineer(
  name: string,
  overrides: Partial<EngineerRestOwed> = {},
): EngineerRestOwed {
  return {
    userRef: `user:default/${name}`,
    timezone: 'Europe/Berlin',
    member: true,
    owedMinutes: 0,
    takenMinutes: 0,
    balanceMinutes: 0,
    entries: [],
    taken: [],
    ...overrides,
  };
}

function aRestOwed(overrides: Partial<TeamRestOwed> = {}): TeamRestOwed {
  return {
    teamRef: 'group:default/payments',
    window: {
      from: '2026-11-04T00:00:00.000Z',
      to: '2026-12-02T00:00:00.000Z',
      days: 28,
      endsNow: true,
    },
    rules: DEFAULT_REST_RULES,
    engineers: [anEngineer('bo')],
    mayRecordFor: [],
    ...overrides,
  };
}

const owedToAna = anEngineer('ana', {
  owedMinutes: 105,
  takenMinutes: 30,
  balanceMinutes: 75,
  entries: [
    {
      userRef: 'user:default/ana',
      kind: 'sleep-page',
      at: '2026-11-10T02:12:00.000Z',
      minutes: 60,
      reason:
        'Paged during sleep hours at 2026-11-10 03:12 Europe/Berlin: 60 minutes',
    },
    {
      userRef: 'user:default/ana',
      kind: 'off-hours-response',
      at: '2026-11-10T02:15:00.000Z',
      minutes: 45,
      reason:
        'Responded 45 minutes outside business hours from 2026-11-10 03:15 Europe/Berlin: 45 minutes',
    },
  ],
});

async function renderSection(api: Partial<SreOwnershipApi>, days?: number) {
  await renderOnEntityPage(
    <RestOwedSection window={days ? { days } : undefined} />,
    { entity: team, api },
  );
}

describe('RestOwedSection', () => {
  afterEach(() => jest.restoreAllMocks());

  it('shows a progress indicator while loading', async () => {
    await renderSection({ getRestOwed: () => new Promise(() => {}) });
    expect(await screen.findByRole('progressbar')).toBeInTheDocument();
  });

  it('shows what failed when loading fails', async () => {
    const error = await aServerError('database down');
    await renderSection({ getRestOwed: () => Promise.reject(error) });
    expect(
      screen.getByText(/Could not load the rest owed/),
    ).toBeInTheDocument();
  });

  it('explains a permission refusal instead of showing an error', async () => {
    const refusal = await aPermissionRefusal();
    await renderSection({ getRestOwed: () => Promise.reject(refusal) });
    expect(screen.getByText('Permission required')).toBeInTheDocument();
    expect(screen.queryByText(/Could not load/)).not.toBeInTheDocument();
  });

  it('says nobody is owed rest, with the rules and where to set them', async () => {
    await renderSection({ getRestOwed: async () => aRestOwed() });
    expect(
      screen.getByText(/No rest is owed in this window/),
    ).toHaveTextContent('60 min each');
    expect(
      screen.getByText('sreOwnership.burden.restOwed'),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('form', { name: 'Record rest taken' }),
    ).not.toBeInTheDocument();
  });

  it('shows each engineer’s balance with the reasons', async () => {
    await renderSection({
      getRestOwed: async () =>
        aRestOwed({ engineers: [owedToAna, anEngineer('bo')] }),
    });
    const table = screen.getByRole('table', { name: 'Rest owed per engineer' });
    const row = within(table).getByRole('row', { name: /ana/ });
    expect(row).toHaveTextContent('1h 45m');
    expect(row).toHaveTextContent('30m');
    expect(within(row).getByText('1h 15m')).toBeInTheDocument();
    const byReason = within(row).getByRole('list', {
      name: 'Rest owed to user:default/ana by reason',
    });
    expect(
      within(byReason)
        .getAllByRole('listitem')
        .map(item => item.textContent),
    ).toEqual([
      'Pages in sleep hours: 1 (1h)',
      'Responding outside business hours: 1 (45m)',
    ]);
    await userEvent.click(within(row).getByText('All 2 reasons'));
    const reasons = within(row).getByRole('list', {
      name: 'Why rest is owed to user:default/ana',
    });
    expect(
      within(reasons)
        .getAllByRole('listitem')
        .map(item => item.textContent),
    ).toEqual([owedToAna.entries[0].reason, owedToAna.entries[1].reason]);
    expect(within(table).getByRole('row', { name: /bo/ })).toHaveTextContent(
      'Nothing owed',
    );
  });

  it('reads a long balance in hours and working days, not in days', async () => {
    const owed = anEngineer('ana', {
      owedMinutes: 191 * 60,
      balanceMinutes: 191 * 60,
      entries: owedToAna.entries,
    });
    await renderSection({
      getRestOwed: async () => aRestOwed({ engineers: [owed] }),
    });
    const row = within(
      screen.getByRole('table', { name: 'Rest owed per engineer' }),
    ).getByRole('row', { name: /ana/ });
    expect(within(row).getAllByText('191 h')).toHaveLength(2);
    expect(
      within(row).getByText('≈ 24 working days of 8 h'),
    ).toBeInTheDocument();
    expect(row).not.toHaveTextContent(/7d/);
  });

  it('offers engineers by name rather than by entity ref', async () => {
    await renderSection({
      getRestOwed: async () =>
        aRestOwed({ mayRecordFor: ['user:default/ana', 'user:default/bo'] }),
    });
    const select = screen.getByLabelText('Engineer');
    const options = within(select).getAllByRole('option');
    expect(options.map(option => option.textContent)).toEqual(['ana', 'bo']);
    expect(options.map(option => (option as HTMLOptionElement).value)).toEqual([
      'user:default/ana',
      'user:default/bo',
    ]);
  });

  it('records rest taken for an engineer the viewer may record for, then reloads', async () => {
    const getRestOwed = jest.fn(async () =>
      aRestOwed({
        engineers: [owedToAna],
        mayRecordFor: ['user:default/ana'],
      }),
    );
    const recordRestTaken = jest.fn(async () => ({
      created: true,
      taken: {} as any,
    }));
    await renderSection({ getRestOwed, recordRestTaken });
    const form = screen.getByRole('form', { name: 'Record rest taken' });
    fireEvent.change(within(form).getByLabelText('Day'), {
      target: { value: '2026-11-20' },
    });
    const hours = within(form).getByLabelText('Hours');
    await userEvent.clear(hours);
    await userEvent.type(hours, '1.5');
    await userEvent.click(
      within(form).getByRole('button', { name: 'Record rest taken' }),
    );
    await waitFor(() => expect(getRestOwed).toHaveBeenCalledTimes(2));
    expect(recordRestTaken).toHaveBeenCalledWith(teamRef, {
      userRef: 'user:default/ana',
      date: '2026-11-20',
      minutes: 90,
    });
  });

  it('shows the backend’s reason when recording is refused', async () => {
    const recordRestTaken = jest.fn(async () => {
      throw new Error(
        'Only user:default/bo or a manager may record their rest',
      );
    });
    await renderSection({
      getRestOwed: async () => aRestOwed({ mayRecordFor: ['user:default/bo'] }),
      recordRestTaken,
    });
    await userEvent.click(
      screen.getByRole('button', { name: 'Record rest taken' }),
    );
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Only user:default/bo or a manager may record their rest',
    );
  });

  it('downloads the compensation CSV for the window shown', async () => {
    const content = new Blob(['team_ref,user_ref\r\n']);
    const exportCompensation = jest.fn(async () => ({
      filename: 'compensation-payments.csv',
      content,
    }));
    const createObjectURL = jest.fn(() => 'blob:compensation');
    Object.assign(URL, { createObjectURL, revokeObjectURL: jest.fn() });
    const clicked: string[] = [];
    jest
      .spyOn(HTMLAnchorElement.prototype, 'click')
      .mockImplementation(function recordDownload(this: HTMLAnchorElement) {
        clicked.push(this.download);
      });
    await renderSection(
      { getRestOwed: async () => aRestOwed(), exportCompensation },
      7,
    );
    await userEvent.click(
      screen.getByRole('button', { name: 'Compensation CSV' }),
    );
    // Named after the team and the window, whatever the response headers say.
    await waitFor(() =>
      expect(clicked).toEqual([
        'compensation-payments-2026-11-04-2026-12-01.csv',
      ]),
    );
    expect(exportCompensation).toHaveBeenCalledWith(teamRef, 'csv', {
      days: 7,
    });
    expect(createObjectURL).toHaveBeenCalledWith(content);
  });
});
