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

/** The calendar month (UTC) `month` (0–11) of `year`. */
function monthChoice(year: number, month: number): WindowChoice {
  const start = new Date(Date.UTC(year, month, 1));
  return {
    key: `month:${start.getUTCFullYear()}-${String(
      start.getUTCMonth() + 1,
    ).padStart(2, '0')}`,
    label: utcMonthName(start.getUTCFullYear(), start.getUTCMonth()),
    query: {
      from: start.toISOString(),
      to: new Date(Date.UTC(year, month + 1, 1)).toISOString(),
    },
  };
}

/** The calendar quarter (UTC) `quarter` (1–4) of `year`. */
function quarterChoice(year: number, quarter: number): WindowChoice {
  const start = new Date(Date.UTC(year, (quarter - 1) * 3, 1));
  const startYear = start.getUTCFullYear();
  const startQuarter = start.getUTCMonth() / 3 + 1;
  return {
    key: `quarter:${startYear}-Q${startQuarter}`,
    label: `Q${startQuarter} ${startYear}`,
    query: {
      from: start.toISOString(),
      to: new Date(Date.UTC(year, quarter * 3, 1)).toISOString(),
    },
  };
}

/** The last complete calendar months (UTC) before `now`, newest first. */
export function pastMonths(now: Date, count = MONTHS): WindowChoice[] {
  return Array.from({ length: count }, (_, n) =>
    monthChoice(now.getUTCFullYear(), now.getUTCMonth() - n - 1),
  );
}

/** The last complete calendar quarters (UTC) before `now`, newest first. */
export function pastQuarters(now: Date, count = QUARTERS): WindowChoice[] {
  const current = Math.floor(now.getUTCMonth() / 3);
  return Array.from({ length: count }, (_, n) =>
    quarterChoice(now.getUTCFullYear(), current - n),
  );
}

/** The longest rolling window the backend accepts, in days. */
const MOST_DAYS = 366;

/**
 * The window a key names (`days:28`, `month:2026-09`, `quarter:2026-Q3`), as
 * read back from the page's address; undefined for a key that names none, so
 * that a mistyped link shows the configured window.
 */
export function choiceOfKey(key: string): WindowChoice | undefined {
  const days = /^days:(\d{1,3})$/.exec(key);
  if (days) {
    const count = Number(days[1]);
    return count >= 1 && count <= MOST_DAYS ? daysChoice(count) : undefined;
  }
  const month = /^month:(\d{4})-(\d{2})$/.exec(key);
  if (month) {
    const index = Number(month[2]) - 1;
    return index >= 0 && index < 12
      ? monthChoice(Number(month[1]), index)
      : undefined;
  }
  const quarter = /^quarter:(\d{4})-Q([1-4])$/.exec(key);
  if (quarter) return quarterChoice(Number(quarter[1]), Number(quarter[2]));
  return undefined;
}
