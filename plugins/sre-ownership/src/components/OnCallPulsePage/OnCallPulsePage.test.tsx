import { renderInTestApp } from '@backstage/frontend-test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { PulseInvitation } from '@sre-ownership/plugin-sre-ownership-common';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router-dom';
import { SreOwnershipApi, sreOwnershipApiRef } from '../../api';
import {
  aPermissionRefusal,
  aServerError,
} from '../../__testUtils__/apiErrors';
import { OnCallPulsePage } from './OnCallPulsePage';

const anInvitation = (
  overrides: Partial<PulseInvitation> = {},
): PulseInvitation => ({
  id: 'inv-1',
  teamRef: 'group:default/payments',
  period: { from: '2026-11-02', to: '2026-11-30' },
  onCall: { from: '2026-11-23T09:00:00.000Z', to: '2026-11-30T09:00:00.000Z' },
  state: 'open',
  answerBy: '2026-12-09T09:00:00.000Z',
  ...overrides,
});

async function renderPage(
  api: Partial<SreOwnershipApi>,
  path = '/oncall-pulse/inv-1',
) {
  renderInTestApp(
    <Routes>
      <Route path="/oncall-pulse/*" element={<OnCallPulsePage />} />
    </Routes>,
    {
      apis: [[sreOwnershipApiRef, api as SreOwnershipApi]],
      initialRouteEntries: [path],
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
    },
  );
  await act(async () => {});
}

describe('OnCallPulsePage', () => {
  it('shows a progress indicator while the invitation loads', async () => {
    await renderPage({ getPulseInvitation: () => new Promise(() => {}) });
    expect(await screen.findByRole('progressbar')).toBeInTheDocument();
  });

  it('names the on-call period it asks about', async () => {
    await renderPage({ getPulseInvitation: async () => anInvitation() });
    expect(await screen.findByTestId('pulse-on-call')).toHaveTextContent(
      /^Your on-call from .*23.* to .*30.*$/,
    );
  });

  it('asks the three questions with the keyboard and sends the answer once', async () => {
    const answerPulse = jest.fn(async () =>
      anInvitation({ state: 'answered' }),
    );
    await renderPage({
      getPulseInvitation: async () => anInvitation(),
      answerPulse,
    });
    const send = await screen.findByRole('button', { name: 'Send my answer' });
    expect(screen.getByRole('link', { name: /payments/ })).toHaveAttribute(
      'href',
      '/catalog/default/group/payments',
    );
    expect(send).toBeDisabled();

    const sustainable = screen.getByRole('radiogroup', {
      name: 'Was this rotation sustainable?',
    });
    // Tab into the group and move with the arrow keys, as a keyboard user would.
    within(sustainable).getByRole('radio', { name: '1 – Not at all' }).focus();
    await userEvent.keyboard('{ArrowRight}');
    expect(within(sustainable).getByRole('radio', { name: '2' })).toBeChecked();

    const sleep = screen.getByRole('radiogroup', {
      name: 'How disrupted was your sleep?',
    });
    await userEvent.click(
      within(sleep).getByRole('radio', { name: '1 – Badly disrupted' }),
    );
    expect(send).toBeDisabled();
    const actionable = screen.getByRole('radiogroup', {
      name: 'Were the pages actionable?',
    });
    await userEvent.click(within(actionable).getByRole('radio', { name: '4' }));
    await userEvent.type(
      screen.getByRole('textbox', { name: /Anything else/ }),
      '  Rough  ',
    );
    await userEvent.click(send);

    expect(await screen.findByText('Thank you')).toBeInTheDocument();
    expect(answerPulse).toHaveBeenCalledTimes(1);
    expect(answerPulse).toHaveBeenCalledWith('inv-1', {
      scores: { sustainable: 2, sleep: 1, actionable: 4 },
      comment: 'Rough',
    });
    expect(screen.queryByRole('button', { name: 'Send my answer' })).toBeNull();
  });

  it('says so when the shift was answered already', async () => {
    await renderPage({
      getPulseInvitation: async () => anInvitation({ state: 'answered' }),
    });
    expect(await screen.findByText('Already answered')).toBeInTheDocument();
    expect(screen.queryByRole('radiogroup')).toBeNull();
  });

  it('says so when the pulse has closed', async () => {
    await renderPage({
      getPulseInvitation: async () => anInvitation({ state: 'closed' }),
    });
    expect(
      await screen.findByText('This pulse has closed'),
    ).toBeInTheDocument();
  });

  it("says it is another engineer's shift on a 403", async () => {
    await renderPage({
      getPulseInvitation: async () => {
        throw await aPermissionRefusal();
      },
    });
    expect(await screen.findByText('Not your shift')).toBeInTheDocument();
  });

  it('shows what failed when loading fails', async () => {
    const error = await aServerError('database down');
    await renderPage({ getPulseInvitation: () => Promise.reject(error) });
    expect(
      await screen.findByText(/Could not load this pulse invitation/),
    ).toBeInTheDocument();
  });

  it('keeps the answers and shows the error when sending fails', async () => {
    const error = await aServerError('database down');
    await renderPage({
      getPulseInvitation: async () => anInvitation(),
      answerPulse: () => Promise.reject(error),
    });
    for (const name of [
      'Was this rotation sustainable?',
      'How disrupted was your sleep?',
      'Were the pages actionable?',
    ]) {
      const group = await screen.findByRole('radiogroup', { name });
      await userEvent.click(within(group).getByRole('radio', { name: '3' }));
    }
    await userEvent.click(
      screen.getByRole('button', { name: 'Send my answer' }),
    );
    expect(
      await screen.findByText(/Could not send your answer/),
    ).toBeInTheDocument();
    await waitFor(() =>
      expect(
        screen.getByRole('button', { name: 'Send my answer' }),
      ).toBeEnabled(),
    );
  });

  it('explains where invitations come from when the address has none', async () => {
    await renderPage({}, '/oncall-pulse');
    expect(await screen.findByText('No invitation')).toBeInTheDocument();
  });
});
