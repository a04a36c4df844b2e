import {
  PulseTotals,
  publishedPulsePeriods,
} from '@sre-ownership/plugin-sre-ownership-common';

/** Comments of the demo's last complete period, as engineers might write. */
const COMMENTS = [
  'Three nights in a row of payment retries paging at 3 am.',
  'The ledger runbook helped; the fraud-scoring alerts did not say what to do.',
  'Two of us carrying a 24/7 pager is not sustainable.',
];

/** What the demo publishes for one team: totals and comments per period. */
export interface DemoPulse {
  teamRef: string;
  totals: Array<{ periodStart: string; totals: PulseTotals }>;
  comments: Array<{ periodStart: string; body: string }>;
}

/**
 * Payments' pulse: five people answered in each of the last two published
 * periods, the rotation's sustainability falling from 3.8 to 2.6, so that
 * the Group page shows a summary and the status gives the pulse as a reason.
 */
export function demoPaymentsPulse(
  now: Date,
  settings: { periodDays: number; answerWithinDays: number },
): DemoPulse {
  const { current, previous } = publishedPulsePeriods(
    now.getTime(),
    settings.periodDays,
    settings.answerWithinDays,
  );
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
    comments: COMMENTS.map(body => ({ periodStart: current.from, body })),
  };
}
