/**
 * How burden and health figures read on the cards. Times are formatted in the
 * viewer's locale and time zone; counts and shares in a fixed, compact form
 * so that columns line up.
 */

/** A duration in minutes: "45s", "12m", "3h 20m", "2d 4h". */
export function formatMinutes(minutes: number): string {
  if (minutes < 1) return `${Math.round(minutes * 60)}s`;
  const total = Math.round(minutes);
  const days = Math.floor(total / 1440);
  const hours = Math.floor((total % 1440) / 60);
  const rest = total % 60;
  if (days > 0) return hours ? `${days}d ${hours}h` : `${days}d`;
  if (hours > 0) return rest ? `${hours}h ${rest}m` : `${hours}h`;
  return `${rest}m`;
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

/** A moment, e.g. an on-call hand-over, in the viewer's locale and zone. */
export function formatMoment(iso: string): string {
  return new Date(iso).toLocaleString(undefined, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
  });
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
