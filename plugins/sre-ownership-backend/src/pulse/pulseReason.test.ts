import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { PulseDecline } from '@sre-ownership/plugin-sre-ownership-common';
import { BurdenService } from '../burden/BurdenService';
import { readBurdenSettings } from '../burden/burdenConfig';
import { OncallStore } from '../oncall/OncallStore';
import { aTeam } from '../__testUtils__/catalog';

const NOW = new Date('2026-12-02T13:00:00Z');
const payments = { kind: 'Group', namespace: 'default', name: 'payments' };

/** A team with no on-call events at all, so the pulse is its only reason. */
function burdenWith(declines: PulseDecline[]) {
  const nothing = async () => [];
  const asked: string[] = [];
  const service = new BurdenService({
    store: {
      listShifts: nothing,
      listPages: nothing,
      listToil: nothing,
      readTeamEvents: async () => ({ shifts: [], pages: [], toil: [] }),
    } as unknown as OncallStore,
    catalog: catalogServiceMock({ entities: [aTeam('payments')] }),
    permissions: mockServices.permissions(),
    settings: readBurdenSettings(new ConfigReader({})),
    pulse: {
      declinesFor: async teamRef => {
        asked.push(teamRef);
        return declines;
      },
    },
    now: () => NOW,
  });
  return { service, asked };
}

const user = mockCredentials.user('user:default/ada-head');
const fell = { question: 'sustainable', previous: 3.8, current: 2.6 } as const;

describe('a falling pulse among the team status reasons', () => {
  it('puts the team at risk with the sentence when the window ends now', async () => {
    const { service, asked } = burdenWith([fell]);
    const burden = await service.getTeamBurden(payments, {}, user);
    expect(asked).toEqual(['group:default/payments']);
    expect(burden.status).toBe('at-risk');
    expect(burden.reasons).toEqual([
      "The rotation's sustainability score fell from 3.8 to 2.6 in the on-call pulse.",
    ]);
  });

  it('leaves a past window alone: the pulse compares the latest periods', async () => {
    const { service, asked } = burdenWith([fell]);
    const burden = await service.getTeamBurden(
      payments,
      { from: '2026-09-01T00:00:00Z', to: '2026-10-01T00:00:00Z' },
      user,
    );
    expect(asked).toEqual([]);
    // Nothing recorded in that window, and no pulse reason: no data.
    expect(burden.status).toBe('no-data');
  });
});
