/**
 * How burden and health figures read on the cards. Times are formatted in the
 * viewer's locale and time zone; counts and shares in a fixed, compact form
 * so that columns line up.
 */

/** Minutes in an hour and in a day, for reading durations. */
const HOUR = 60;
const DAY = 24 * HOUR;

/**
 * The length of a working day the rest owed is expressed in, in hours: a
 * balance of 191 h reads "≈ 24 working days of 8 h", not "7d 23h", which a
 * manager would read as eight days off.
 */
export const WORKING_DAY_HOURS = 8;

/**
 * A duration in minutes: "45s", "12m", "3h 20m" under a day, and whole hours
 * from a day on ("191 h"). Days are never used, since a day of rest and a day
 * of the calendar are not the same length.
 */
export function formatMinutes(minutes: number): string {
  if (minutes < 1) return `${Math.round(minutes * 60)}s`;
  const total = Math.round(minutes);
  if (total >= DAY) return formatHours(total / HOUR);
  const hours = Math.floor(total / HOUR);
  const rest = total % HOUR;
  if (hours > 0) return rest ? `${hours}h ${rest}m` : `${hours}h`;
  return `${rest}m`;
}

/**
 * A duration as working days with its basis named, "≈ 24 working days of
 * 8 h", for durations of at least a working day; undefined for shorter ones.
 */
export function formatWorkingDays(minutes: number): string | undefined {
  const days = minutes / (WORKING_DAY_HOURS * HOUR);
  if (days < 1) return undefined;
  const rounded = Math.round(days * 2) / 2;
  const exact = rounded * WORKING_DAY_HOURS * HOUR === Math.round(minutes);
  return `${exact ? '' : '≈ '}${rounded} working day${
    rounded === 1 ? '' : 's'
  } of ${WORKING_DAY_HOURS} h`;
}

/** Hours with at most one decimal: 671.5 → "671.5 h". */
export function formatHours(hours: number): string {
  return `${Math.round(hours * 10) / 10} h`;
}

/** A share 0..1 as a whole percentage: 0.253 → "25%". */
export function formatShare(share: number): string {
  return `${Math.round(share * 100)}%`;
}

/** A rate with at most one decimal: 2 → "2", 2.25 → "2.3". */
export function formatRate(rate: number): string {
  return String(Math.round(rate * 10) / 10);
}

/** A count with its noun: 1 → "1 page", 3 → "3 pages". */
export function formatCount(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/**
 * A moment, e.g. an on-call hand-over, in the viewer's time zone: "Mon 09:00"
 * within a day of now, else with its date, "Mon 14 Dec 09:00", so that a
 * shift ending in eight days does not read as ending on the coming Monday.
 */
export function formatMoment(iso: string, now: Date = new Date()): string {
  const at = new Date(iso);
  const near = Math.abs(at.getTime() - now.getTime()) <= DAY * 60_000;
  return at
    .toLocaleString('en-GB', {
      weekday: 'short',
      ...(near ? {} : { day: 'numeric', month: 'short' }),
      ...(near || at.getFullYear() === now.getFullYear()
        ? {}
        : { year: 'numeric' }),
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
    .replace(/,/g, '');
}

/** The Monday a week starts on; weeks start at 00:00 UTC, so read it in UTC. */
export function formatWeekStart(iso: string): string {
  return new Date(iso).toLocaleDateString(undefined, {
    day: 'numeric',
    month: 'short',
    timeZone: 'UTC',
  });
}

/**
 * A window in words for headings: "in the last 28 days" when it ends now,
 * else its UTC dates, "from 1 Sep 2026 to 30 Sep 2026".
 */
export function describeWindow(window: {
  from: string;
  to: string;
  days: number;
  endsNow: boolean;
}): string {
  if (window.endsNow) return `in the last ${window.days} days`;
  const date = (instant: number) =>
    new Date(instant).toLocaleDateString('en-GB', {
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      timeZone: 'UTC',
    });
  return `from ${date(Date.parse(window.from))} to ${date(
    Date.parse(window.to) - 1,
  )}`;
}
