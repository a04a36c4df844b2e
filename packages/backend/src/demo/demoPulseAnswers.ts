import {
  PulseTotals,
  comparedPulsePeriods,
} from '@sre-ownership/plugin-sre-ownership-common';

/** Comments of the demo's last complete period, as engineers might write. */
const COMMENTS = [
  'Three nights in a row of payment retries paging at 3 am.',
  'The ledger runbook helped; the fraud-scoring alerts did not say what to do.',
  'Two of us carrying a 24/7 pager is not sustainable.',
];

/** What the demo stores for one team: totals per period, and comments. */
export interface DemoPulse {
  teamRef: string;
  totals: Array<{ periodStart: string; totals: PulseTotals }>;
  comments: Array<{ id: string; periodStart: string; body: string }>;
}

/**
 * Payments' pulse: five answers in each of the last two complete periods,
 * the rotation's sustainability falling from 3.8 to 2.6, so that the Group
 * page shows a summary and the status gives the pulse as a reason.
 */
export function demoPaymentsPulse(now: Date, periodDays: number): DemoPulse {
  const { current, previous } = comparedPulsePeriods(now.getTime(), periodDays);
  return {
    teamRef: 'group:default/payments',
    totals: [
      {
        periodStart: previous.from,
        totals: {
          answers: 5,
          sums: { sustainable: 19, sleep: 14, actionable: 17 },
        },
      },
      {
        periodStart: current.from,
        totals: {
          answers: 5,
          sums: { sustainable: 13, sleep: 12, actionable: 16 },
        },
      },
    ],
    comments: COMMENTS.map((body, index) => ({
      id: `demo-${current.from}-${index}`,
      periodStart: current.from,
      body,
    })),
  };
}
