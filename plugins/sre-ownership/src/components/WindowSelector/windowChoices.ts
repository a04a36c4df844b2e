import { BurdenWindowQuery } from '../../api/burdenWindowQuery';

/** One window a card can be looked at over. */
export interface WindowChoice {
  /** Stable value of the option, e.g. `days:28`, `month:2026-09`. */
  key: string;
  label: string;
  /** What the backend is asked for; `undefined` days = its configured window. */
  query: BurdenWindowQuery;
}

/** The rolling windows offered, in days. */
export const BURDEN_WINDOWS = [7, 14, 28, 90] as const;

const MONTHS = 12;
const QUARTERS = 4;

const utcMonthName = (year: number, month: number) =>
  new Date(Date.UTC(year, month, 1)).toLocaleDateString('en-GB', {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });

/** A rolling window of the last `days` days. */
export function daysChoice(days: number): WindowChoice {
  return { key: `days:${days}`, label: `Last ${days} days`, query: { days } };
}

/** The rolling windows, with a configured one that is not among them. */
export function rollingChoices(configuredDays: number): WindowChoice[] {
  const days: number[] = [...BURDEN_WINDOWS];
  if (!days.includes(configuredDays)) days.push(configuredDays);
  return days.sort((a, b) => a - b).map(daysChoice);
}

/** The last complete calendar months (UTC) before `now`, newest first. */
export function pastMonths(now: Date, count = MONTHS): WindowChoice[] {
  return Array.from({ length: count }, (_, n) => {
    const start = new Date(
      Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - n - 1, 1),
    );
    const year = start.getUTCFullYear();
    const month = start.getUTCMonth();
    return {
      key: `month:${year}-${String(month + 1).padStart(2, '0')}`,
      label: utcMonthName(year, month),
      query: {
        from: start.toISOString(),
        to: new Date(Date.UTC(year, month + 1, 1)).toISOString(),
      },
    };
  });
}

/** The last complete calendar quarters (UTC) before `now`, newest first. */
export function pastQuarters(now: Date, count = QUARTERS): WindowChoice[] {
  const current = Math.floor(now.getUTCMonth() / 3);
  return Array.from({ length: count }, (_, n) => {
    const start = new Date(
      Date.UTC(now.getUTCFullYear(), (current - n - 1) * 3, 1),
    );
    const year = start.getUTCFullYear();
    const quarter = start.getUTCMonth() / 3 + 1;
    return {
      key: `quarter:${year}-Q${quarter}`,
      label: `Q${quarter} ${year}`,
      query: {
        from: start.toISOString(),
        to: new Date(Date.UTC(year, start.getUTCMonth() + 3, 1)).toISOString(),
      },
    };
  });
}
