import { onCallRotations } from './overview';

const payments = {
  teamRef: 'group:default/payments',
  current: [
    { userRef: 'user:default/jane-doe', until: '2026-12-03T00:00:00Z' },
  ],
};
const platform = { teamRef: 'group:default/platform-sre', current: [] };

describe('onCallRotations', () => {
  it("names a team's own rotation, without a level", () => {
    expect(
      onCallRotations({
        teamOnCall: payments,
        onCallNow: [{ level: 1, teamRef: platform.teamRef, onCall: platform }],
      }),
    ).toEqual([{ onCall: payments }]);
  });

  it('names each on-call level of an escalation path otherwise', () => {
    expect(
      onCallRotations({
        onCallNow: [
          { level: 1, teamRef: payments.teamRef, onCall: payments },
          { level: 2, teamRef: platform.teamRef, onCall: platform },
        ],
      }),
    ).toEqual([
      { level: 1, onCall: payments },
      { level: 2, onCall: platform },
    ]);
  });
});
