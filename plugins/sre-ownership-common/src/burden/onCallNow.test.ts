import { aShift, user } from './__testUtils__/builders';
import { whoIsOnCall } from './onCallNow';

const TEAM = 'group:default/payments';
const NOW = '2024-04-10T12:00:00Z';

describe('whoIsOnCall', () => {
  it('lists who is on call until when, and who is next', () => {
    const onCall = whoIsOnCall({
      teamRef: TEAM,
      now: NOW,
      shifts: [
        aShift('alice', '2024-04-10T00:00:00Z', '2024-04-10T18:00:00Z'),
        aShift('alice', '2024-04-10T18:00:00Z', '2024-04-11T06:00:00Z'),
        aShift('alice', '2024-04-10T20:00:00Z', '2024-04-10T22:00:00Z'),
        aShift('alice', '2024-04-11T01:00:00Z', '2024-04-11T02:00:00Z'),
        aShift('bob', '2024-04-10T12:00:00Z', '2024-04-10T17:00:00Z'),
        aShift('erin', '2024-04-10T06:00:00Z', '2024-04-10T12:00:00Z'),
        aShift('frank', '2024-04-10T11:00:00Z', '2024-04-10T20:00:00Z', {
          teamRef: 'group:default/platform',
        }),
        aShift('dave', '2024-04-11T06:00:00Z', '2024-04-12T06:00:00Z'),
        aShift('carol', '2024-04-11T06:00:00Z', '2024-04-12T06:00:00Z'),
        aShift('erin', '2024-04-13T06:00:00Z', '2024-04-14T06:00:00Z'),
      ],
    });
    expect(onCall).toEqual({
      teamRef: TEAM,
      current: [
        { userRef: user('alice'), until: '2024-04-11T06:00:00.000Z' },
        { userRef: user('bob'), until: '2024-04-10T17:00:00.000Z' },
      ],
      next: { userRef: user('carol'), from: '2024-04-11T06:00:00.000Z' },
    });
  });

  it('has nobody now and nobody next without shifts', () => {
    expect(whoIsOnCall({ teamRef: TEAM, now: NOW, shifts: [] })).toEqual({
      teamRef: TEAM,
      current: [],
    });
  });
});
