import { FeedError } from './feedErrors';
import { IcsScheduleWarning } from './parseIcsSchedule';

/** Why an event whose bytes are not UTF-8 was left out. */
export const NOT_UTF8 = 'event is not valid UTF-8';

const strict = new TextDecoder('utf-8', { fatal: true });
const lenient = new TextDecoder('utf-8');

const LF = 0x0a;
const CR = 0x0d;

// Folded lines (RFC 5545 3.1: CRLF then a space or tab) joined at the byte
// level, so a character split across a fold is whole again before decoding.
function unfold(bytes: Uint8Array): Uint8Array {
  const out = new Uint8Array(bytes.byteLength);
  let length = 0;
  for (let i = 0; i < bytes.byteLength; i++) {
    const byte = bytes[i];
    const next = i + 1;
    if (byte === CR && bytes[next] === LF && isFoldSpace(bytes[next + 1])) {
      i += 2;
      continue;
    }
    if (byte === LF && isFoldSpace(bytes[next])) {
      i += 1;
      continue;
    }
    out[length++] = byte;
  }
  return out.subarray(0, length);
}

function isFoldSpace(byte: number | undefined): boolean {
  return byte === 0x20 || byte === 0x09;
}

const startsWith = (line: string, text: string) =>
  line.trimEnd().toUpperCase() === text;

function keepOrLeaveOut(
  event: { lines: string[]; valid: boolean },
  lines: string[],
  warnings: IcsScheduleWarning[],
) {
  if (event.valid) {
    lines.push(...event.lines);
    return;
  }
  // The summary only helps find the event in the log; it is not stored.
  const summary = event.lines
    .find(line => /^SUMMARY[;:]/i.test(line))
    ?.replace(/^SUMMARY[^:]*:/i, '')
    .trimEnd();
  warnings.push({ message: NOT_UTF8, summary, leftOut: true });
}

/**
 * The text of a feed's bytes, which RFC 5545 says are UTF-8. Bytes that are
 * not UTF-8 are never turned into U+FFFD (two different UIDs would then be
 * one): an event holding such bytes is left out, with a warning; such bytes
 * outside any event refuse the feed.
 */
export function decodeIcsFeed(bytes: Uint8Array): {
  ics: string;
  warnings: IcsScheduleWarning[];
} {
  try {
    return { ics: strict.decode(bytes), warnings: [] };
  } catch {
    // Found below, event by event.
  }
  const unfolded = unfold(bytes);
  const lines: string[] = [];
  const warnings: IcsScheduleWarning[] = [];
  let event: { lines: string[]; valid: boolean } | undefined;
  let start = 0;
  while (start < unfolded.byteLength) {
    let end = unfolded.indexOf(LF, start);
    if (end < 0) end = unfolded.byteLength;
    const raw = unfolded.subarray(start, end);
    start = end + 1;
    let line: string;
    let valid = true;
    try {
      line = strict.decode(raw);
    } catch {
      line = lenient.decode(raw);
      valid = false;
    }
    if (!event && startsWith(line, 'BEGIN:VEVENT'))
      event = { lines: [], valid: true };
    if (!event) {
      if (!valid) {
        throw new FeedError(
          'holds bytes that are not UTF-8 outside its events, so it is not iCalendar text',
        );
      }
      lines.push(line);
      continue;
    }
    event.lines.push(line);
    event.valid &&= valid;
    if (startsWith(line, 'END:VEVENT')) {
      keepOrLeaveOut(event, lines, warnings);
      event = undefined;
    }
  }
  if (event) keepOrLeaveOut(event, lines, warnings);
  return { ics: lines.join('\n'), warnings };
}
