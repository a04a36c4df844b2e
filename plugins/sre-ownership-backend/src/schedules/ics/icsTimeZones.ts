import ICAL from 'ical.js';
import { WINDOWS_ZONES } from './windowsZones';

const known = new Map<string, boolean>();

/** Whether Node's time-zone database (Intl) knows the zone. */
function databaseKnows(zone: string): boolean {
  let answer = known.get(zone);
  if (answer === undefined) {
    try {
      const format = new Intl.DateTimeFormat('en-US', { timeZone: zone });
      answer =
        Boolean(format.resolvedOptions().timeZone) && /[A-Za-z]/.test(zone);
    } catch {
      answer = false;
    }
    known.set(zone, answer);
  }
  return answer;
}

const windowsByLowerName = new Map(
  Object.entries(WINDOWS_ZONES).map(([name, zone]) => [
    name.toLowerCase(),
    zone,
  ]),
);

/**
 * The time-zone database zone a TZID names, or undefined when it names none
 * the database knows (a custom zone, defined only by the feed's VTIMEZONE).
 *
 * Read as: an IANA name (`Europe/Berlin`); the same with leading slashes or
 * a vendor path before it, as Apple and libical write
 * (`/Europe/Stockholm`, `/freeassociation.sourceforge.net/Europe/Berlin`);
 * a Windows name (`W. Europe Standard Time`), through CLDR's table. Quotes
 * and surrounding spaces are ignored. `UTC`, `GMT` and `Z` alone are UTC.
 */
export function databaseZoneOf(tzid: string): string | undefined {
  const name = tzid
    .trim()
    .replace(/^"(.*)"$/, '$1')
    .trim();
  if (!name) return undefined;
  const windows = windowsByLowerName.get(name.toLowerCase());
  if (windows) return windows;
  const segments = name.split('/').filter(Boolean);
  // The longest tail the database knows: `Europe/Berlin` rather than
  // `Berlin`, and `America/Argentina/Buenos_Aires` whole.
  for (let start = 0; start < segments.length; start++) {
    const candidate = segments.slice(start).join('/');
    if (start > 0 && !candidate.includes('/') && segments.length > 1) {
      // A lone last segment ("Berlin") is no zone name; stop here.
      break;
    }
    if (databaseKnows(candidate)) return candidate;
  }
  return undefined;
}

const partsFormat = new Map<string, Intl.DateTimeFormat>();

function wallClockOf(zone: string, utcMs: number): number {
  let format = partsFormat.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    partsFormat.set(zone, format);
  }
  const parts: Record<string, number> = {};
  for (const part of format.formatToParts(new Date(utcMs))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return Date.UTC(
    parts.year,
    parts.month - 1,
    parts.day,
    parts.hour,
    parts.minute,
    parts.second,
  );
}

/** Offset from UTC, in seconds, of the zone at an instant. */
const offsetAt = (zone: string, utcMs: number) =>
  Math.round((wallClockOf(zone, utcMs) - utcMs) / 1000);

/**
 * Offset of a wall-clock time in the zone, as RFC 5545 3.3.5 reads it: a
 * time that occurs twice (the hour clocks go back) is its first occurrence;
 * a time that does not occur (the hour clocks skip) is read with the offset
 * before the gap, so 02:30 on a spring-forward night is 03:30.
 */
export function wallClockOffset(zone: string, wallMs: number): number {
  const before = offsetAt(zone, wallMs - 86_400_000);
  const after = offsetAt(zone, wallMs + 86_400_000);
  const fits = (offset: number) =>
    offsetAt(zone, wallMs - offset * 1000) === offset;
  if (fits(before)) return before;
  if (fits(after)) return after;
  return before;
}

const zones = new Map<string, ICAL.Timezone>();

/**
 * An ical.js zone whose offsets come from the time-zone database, for
 * every year, rather than from a VTIMEZONE that may list only some.
 */
export function databaseTimezone(zone: string): ICAL.Timezone {
  let timezone = zones.get(zone);
  if (!timezone) {
    timezone = new ICAL.Timezone({ tzid: zone });
    timezone.utcOffset = (time: ICAL.Time) =>
      wallClockOffset(
        zone,
        Date.UTC(
          time.year,
          time.month - 1,
          time.day,
          time.hour,
          time.minute,
          time.second,
        ),
      );
    zones.set(zone, timezone);
    ICAL.TimezoneService.register(timezone, zone);
  }
  return timezone;
}
