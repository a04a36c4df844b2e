import ICAL from 'ical.js';
import { FeedError } from './feedErrors';
import { databaseTimezone, databaseZoneOf } from './icsTimeZones';
import type { IcsScheduleWarning } from './parseIcsSchedule';

/** A content line of a feed, unfolded, and the line of the file it began on. */
interface ContentLine {
  text: string;
  line: number;
}

/** An event of a feed, read on its own, with where it stands in the file. */
export interface IcsEventSource {
  component: ICAL.Component;
  /** Line of its BEGIN:VEVENT. */
  line: number;
  /** The line of each of its own properties, in order. */
  propertyLines: number[];
  /** The text of each of its own properties, unfolded, in order. */
  propertyTexts: string[];
}

/** A feed read component by component. */
export interface IcsCalendar {
  calendar: ICAL.Component;
  events: IcsEventSource[];
  warnings: IcsScheduleWarning[];
}

// Properties whose TZID says how to read their times.
const ZONED = ['dtstart', 'dtend', 'due', 'recurrence-id', 'rdate', 'exdate'];

/**
 * Lines as RFC 5545 3.1 folds them, read leniently: CRLF, LF or CR alone
 * end a line; a byte-order mark, blank lines and trailing spaces are
 * ignored.
 */
function contentLines(ics: string): ContentLine[] {
  const lines: ContentLine[] = [];
  ics
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\n|\r/)
    .forEach((raw, index) => {
      const previous = lines[lines.length - 1];
      if (/^[ \t]/.test(raw) && previous) {
        previous.text += raw.slice(1);
        return;
      }
      lines.push({ text: raw, line: index + 1 });
    });
  return lines
    .map(({ text, line }) => ({ text: text.trimEnd(), line }))
    .filter(({ text }) => text.trim() !== '');
}

const beginOf = (text: string) => /^BEGIN:(.+)$/i.exec(text.trim())?.[1];
const endOf = (text: string) => /^END:(.+)$/i.exec(text.trim())?.[1];
const nameOf = (text: string) =>
  /^[^;:]*/.exec(text)?.[0].trim().toUpperCase() ?? '';

/** A component of the calendar: its name and lines, BEGIN and END included. */
interface Block {
  name: string;
  lines: ContentLine[];
}

function splitBlocks(lines: ContentLine[]): {
  properties: ContentLine[];
  blocks: Block[];
  unclosed?: Block;
} {
  const properties: ContentLine[] = [];
  const blocks: Block[] = [];
  let inCalendar = false;
  let block: Block | undefined;
  let depth = 0;
  for (const line of lines) {
    const begin = beginOf(line.text);
    const end = endOf(line.text);
    if (block) {
      block.lines.push(line);
      if (begin) depth += 1;
      if (end) depth -= 1;
      if (depth === 0) {
        blocks.push(block);
        block = undefined;
      }
    } else if (!inCalendar) {
      // Several VCALENDARs in one file are read as one.
      if (begin?.toUpperCase() === 'VCALENDAR') inCalendar = true;
    } else if (end?.toUpperCase() === 'VCALENDAR') {
      inCalendar = false;
    } else if (begin) {
      block = { name: begin.trim().toUpperCase(), lines: [line] };
      depth = 1;
    } else if (!end) {
      properties.push(line);
    }
  }
  return { properties, blocks, unclosed: block };
}

/** Why a block could not be read: the first line the parser refuses. */
function firstBadLine(block: Block): ContentLine {
  for (const line of block.lines.slice(1, -1)) {
    if (beginOf(line.text) || endOf(line.text)) continue;
    try {
      const property = new ICAL.Property(ICAL.parse.property(line.text));
      property.getValues();
    } catch {
      return line;
    }
  }
  return block.lines[0];
}

function parseBlock(block: Block): any[] {
  const parsed = ICAL.parse(block.lines.map(l => l.text).join('\r\n'));
  // One component comes back as itself; anything else is no component.
  if (!Array.isArray(parsed) || typeof parsed[0] !== 'string') {
    throw new Error('not one component');
  }
  return parsed;
}

/** The lines of a block's own properties, not of its subcomponents. */
function ownPropertyLines(block: Block): ContentLine[] {
  const lines: ContentLine[] = [];
  let depth = 0;
  for (const line of block.lines) {
    if (beginOf(line.text)) depth += 1;
    else if (endOf(line.text)) depth -= 1;
    else if (depth === 1) lines.push(line);
  }
  return lines;
}

const tzidOf = (jcal: any[]): string | undefined => {
  const property = (jcal[1] as any[]).find(p => p[0] === 'tzid');
  return property ? String(property[3]) : undefined;
};

function summaryOf(block: Block): string | undefined {
  const line = block.lines.find(l => nameOf(l.text) === 'SUMMARY');
  return line?.text.replace(/^[^:]*:/, '');
}

function uidOf(block: Block): string | undefined {
  const line = block.lines.find(l => nameOf(l.text) === 'UID');
  return line?.text.replace(/^[^:]*:/, '');
}

/**
 * Reads a feed into a calendar one component at a time, so that a
 * component the parser refuses is left out (with a warning naming its line,
 * property and UID) rather than refusing the feed. TZIDs naming a zone the
 * time-zone database knows are rewritten to that zone, and the feed's own
 * VTIMEZONE for such a TZID is dropped: the database knows every year,
 * while a VTIMEZONE often lists only a few.
 *
 * @throws FeedError when the text holds no VCALENDAR.
 */
export function readIcsCalendar(ics: string): IcsCalendar {
  const lines = contentLines(ics);
  if (beginOf(lines[0]?.text ?? '')?.toUpperCase() !== 'VCALENDAR') {
    // The text may be anything the URL returned (a sign-in page): never
    // quote it.
    throw new FeedError('is not an iCalendar (RFC 5545) feed');
  }
  const warnings: IcsScheduleWarning[] = [];
  const { properties, blocks, unclosed } = splitBlocks(lines);
  if (unclosed) {
    warnings.push({
      message: `${unclosed.name} has no END:${unclosed.name}; the feed is cut short`,
      leftOut: unclosed.name === 'VEVENT',
      line: unclosed.lines[0].line,
      summary: summaryOf(unclosed),
      uid: uidOf(unclosed),
    });
  }
  const calendarProperties = properties.flatMap(line => {
    try {
      return [ICAL.parse.property(line.text)];
    } catch {
      return [];
    }
  });

  const zones: any[] = [];
  const events: Array<{ jcal: any[]; block: Block }> = [];
  const customZones = new Set<string>();
  for (const block of blocks) {
    if (block.name !== 'VEVENT' && block.name !== 'VTIMEZONE') continue;
    let jcal: any[];
    try {
      jcal = parseBlock(block);
    } catch {
      const bad = firstBadLine(block);
      const property = nameOf(bad.text) || block.name;
      warnings.push({
        message: `${property} is not valid iCalendar, so its ${block.name} was left out`,
        leftOut: block.name === 'VEVENT',
        line: bad.line,
        property,
        summary: summaryOf(block),
        uid: uidOf(block),
      });
      continue;
    }
    if (block.name === 'VEVENT') {
      events.push({ jcal, block });
      continue;
    }
    const tzid = tzidOf(jcal);
    if (tzid && !databaseZoneOf(tzid)) {
      customZones.add(tzid);
      zones.push(jcal);
    }
  }

  const unknownZones = new Set<string>();
  for (const { jcal } of events) {
    for (const property of jcal[1] as any[]) {
      const params = property[1];
      if (!ZONED.includes(property[0]) || typeof params?.tzid !== 'string') {
        continue;
      }
      const zone = databaseZoneOf(params.tzid);
      if (zone) {
        databaseTimezone(zone);
        params.tzid = zone;
      } else if (!customZones.has(params.tzid)) {
        unknownZones.add(params.tzid);
      }
    }
  }
  for (const tzid of unknownZones) {
    warnings.push({
      message: `time zone ${tzid} has no VTIMEZONE in the feed; its times were read as UTC`,
      leftOut: false,
    });
  }

  const calendar = new ICAL.Component([
    'vcalendar',
    calendarProperties,
    [...zones, ...events.map(event => event.jcal)],
  ]);
  const components = calendar.getAllSubcomponents('vevent');
  return {
    calendar,
    events: events.map(({ block }, i) => {
      const own = ownPropertyLines(block);
      return {
        component: components[i],
        line: block.lines[0].line,
        propertyLines: own.map(l => l.line),
        propertyTexts: own.map(l => l.text),
      };
    }),
    warnings,
  };
}
