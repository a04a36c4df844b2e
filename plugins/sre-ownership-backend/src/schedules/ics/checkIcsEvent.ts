import ICAL from 'ical.js';
import type { IcsEventSource } from './readIcsCalendar';

/** The properties a shift is read from; others are never decoded. */
const READ = [
  'uid',
  'summary',
  'status',
  'dtstart',
  'dtend',
  'duration',
  'rrule',
  'rdate',
  'exdate',
  'recurrence-id',
  'attendee',
  'organizer',
];

const MAX_DURATION_SECONDS = 10 * 366 * 86_400;

/** Why an event cannot be read, and where. */
export interface IcsEventProblem {
  message: string;
  property?: string;
  line?: number;
}

/** An event that can be read, and its RDATEs that are periods. */
export interface CheckedIcsEvent {
  problem?: IcsEventProblem;
  /** RDATE;VALUE=PERIOD values, taken out of the event to be added alone. */
  periods: ICAL.Period[];
}

/**
 * Decodes every property a shift is read from, so that a bad value (a
 * malformed EXDATE, an RRULE with an unknown FREQ) spoils only its own
 * event, and names it. RDATE periods are taken out of the event, because
 * ical.js cannot expand them, to be added as occurrences of their own
 * length; an RRULE in a calendar scale other than Gregorian (RSCALE, RFC
 * 7529) is refused rather than read as Gregorian.
 */
export function checkIcsEvent(source: IcsEventSource): CheckedIcsEvent {
  const { component } = source;
  const periods: ICAL.Period[] = [];
  if (!component.hasProperty('dtstart')) {
    return { problem: { message: 'event has no DTSTART' }, periods };
  }
  const properties = component.getAllProperties();
  for (const [index, property] of properties.entries()) {
    if (!READ.includes(property.name)) continue;
    const name = property.name.toUpperCase();
    const line = source.propertyLines[index];
    let values: unknown[];
    try {
      values = property.getValues();
    } catch {
      return {
        problem: {
          message: `${name} is not valid iCalendar`,
          property: name,
          line,
        },
        periods,
      };
    }
    if (
      property.name === 'duration' &&
      (values[0] as ICAL.Duration).toSeconds() > MAX_DURATION_SECONDS
    ) {
      // ical.js adds a duration day by day: P999999999999999999W would
      // never end.
      return {
        problem: {
          message: 'DURATION is longer than 10 years',
          property: name,
          line,
        },
        periods,
      };
    }
    if (property.name === 'rrule') {
      // ical.js drops RSCALE from the rule it reads; the line keeps it.
      const text = source.propertyTexts[index] ?? '';
      const rscale = /RSCALE=([^;]+)/i.exec(text)?.[1];
      if (rscale && rscale.toUpperCase() !== 'GREGORIAN') {
        return {
          problem: {
            message: `RRULE uses the ${rscale.toUpperCase()} calendar (RSCALE), which is not read`,
            property: name,
            line,
          },
          periods,
        };
      }
    }
    if (property.name === 'rdate') {
      const found = values.filter(v => v instanceof ICAL.Period);
      if (found.length > 0) {
        periods.push(...(found as ICAL.Period[]));
        const rest = values.filter(v => !(v instanceof ICAL.Period));
        if (rest.length > 0) property.setValues(rest as ICAL.Time[]);
        else component.removeProperty(property);
      }
    }
  }
  return { periods };
}
