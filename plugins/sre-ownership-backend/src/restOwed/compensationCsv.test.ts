import { TeamCompensation } from '@sre-ownership/plugin-sre-ownership-common';
import { compensationCsv } from './compensationCsv';

const bands = (business: number) => ({
  'weekday-business': business,
  'weekday-outside': 0,
  weekend: 0,
  holiday: 0,
});

function aReport(userRef: string): TeamCompensation {
  return {
    teamRef: 'group:default/payments',
    window: {
      from: '2026-03-01T00:00:00.000Z',
      to: '2026-04-01T00:00:00.000Z',
      days: 31,
      endsNow: false,
    },
    engineers: [
      {
        userRef,
        timezone: 'Europe/Berlin',
        member: true,
        onCallMinutes: bands(480),
        pages: bands(2),
        responseMinutes: bands(35),
      },
    ],
  };
}

describe('compensationCsv', () => {
  it('writes a header and one CRLF row per engineer and band, bands in order', () => {
    const lines = compensationCsv(aReport('user:default/ana')).split('\r\n');
    expect(lines).toEqual([
      'team_ref,user_ref,timezone,member,period_from,period_to,band,on_call_minutes,pages,response_minutes',
      'group:default/payments,user:default/ana,Europe/Berlin,true,2026-03-01T00:00:00.000Z,2026-04-01T00:00:00.000Z,weekday-business,480,2,35',
      'group:default/payments,user:default/ana,Europe/Berlin,true,2026-03-01T00:00:00.000Z,2026-04-01T00:00:00.000Z,weekday-outside,0,0,0',
      'group:default/payments,user:default/ana,Europe/Berlin,true,2026-03-01T00:00:00.000Z,2026-04-01T00:00:00.000Z,weekend,0,0,0',
      'group:default/payments,user:default/ana,Europe/Berlin,true,2026-03-01T00:00:00.000Z,2026-04-01T00:00:00.000Z,holiday,0,0,0',
      '',
    ]);
  });

  it('quotes a field with a comma or quote, and defuses a spreadsheet formula', () => {
    const csv = compensationCsv(aReport('=HYPERLINK("x",1)'));
    expect(csv).toContain(`,"'=HYPERLINK(""x"",1)",`);
  });
});
