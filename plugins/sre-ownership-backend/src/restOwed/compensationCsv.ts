import {
  COMPENSATION_BANDS,
  TeamCompensation,
} from '@sre-ownership/plugin-sre-ownership-common';

/** The columns of the compensation CSV, in order. */
export const COMPENSATION_CSV_HEADER = [
  'team_ref',
  'user_ref',
  'timezone',
  'member',
  'period_from',
  'period_to',
  'band',
  'on_call_minutes',
  'pages',
  'response_minutes',
];

/**
 * One CSV field: quoted when it holds a comma, quote or line break, and
 * with a leading apostrophe when a spreadsheet would read it as a formula.
 */
function field(value: string | number | boolean): string {
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The compensation figures as CSV (RFC 4180, CRLF line ends): a header row,
 * then one row per engineer and band, in the order of the bands.
 */
export function compensationCsv(report: TeamCompensation): string {
  const rows = report.engineers.flatMap(engineer =>
    COMPENSATION_BANDS.map(band => [
      report.teamRef,
      engineer.userRef,
      engineer.timezone,
      engineer.member,
      report.window.from,
      report.window.to,
      band,
      engineer.onCallMinutes[band],
      engineer.pages[band],
      engineer.responseMinutes[band],
    ]),
  );
  return [COMPENSATION_CSV_HEADER, ...rows]
    .map(row => row.map(field).join(','))
    .map(line => `${line}\r\n`)
    .join('');
}
