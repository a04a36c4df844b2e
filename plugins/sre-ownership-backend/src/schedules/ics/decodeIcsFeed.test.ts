import { decodeIcsFeed, NOT_UTF8 } from './decodeIcsFeed';

const lines = (...text: string[]) => text.join('\r\n');
const anEvent = (uid: string, summary: string) =>
  lines('BEGIN:VEVENT', `UID:${uid}`, `SUMMARY:${summary}`, 'END:VEVENT');

describe('decodeIcsFeed', () => {
  it('reads valid UTF-8 as it is', () => {
    const text = lines('BEGIN:VCALENDAR', anEvent('a', 'Zoë'), 'END:VCALENDAR');
    expect(decodeIcsFeed(Buffer.from(text))).toEqual({
      ics: text,
      warnings: [],
    });
  });

  it('leaves out an event holding bytes that are not UTF-8, never turning them into U+FFFD', () => {
    const text = lines(
      'BEGIN:VCALENDAR',
      anEvent('kept', 'Amara'),
      anEvent('left-out', 'BAD'),
      'END:VCALENDAR',
    );
    const bytes = Buffer.from(text);
    bytes[bytes.indexOf('BAD')] = 0xc3; // starts a character that never ends

    const { ics, warnings } = decodeIcsFeed(bytes);

    expect(ics).toContain('UID:kept');
    expect(ics).not.toContain('left-out');
    expect(ics).not.toContain('\uFFFD');
    expect(warnings).toEqual([
      { message: NOT_UTF8, summary: '\uFFFDAD', leftOut: true },
    ]);
  });

  it('reads a character split across a folded line whole', () => {
    const zoe = Buffer.from('Zoë');
    const bytes = Buffer.concat([
      Buffer.from('BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nSUMMARY:'),
      zoe.subarray(0, 3),
      Buffer.from('\r\n '),
      zoe.subarray(3),
      Buffer.from('\r\nEND:VEVENT\r\nEND:VCALENDAR'),
    ]);

    const { ics, warnings } = decodeIcsFeed(bytes);

    expect(warnings).toEqual([]);
    expect(ics).toContain('SUMMARY:Zoë');
  });

  it('refuses a feed with bytes that are not UTF-8 outside its events', () => {
    const bytes = Buffer.from(
      lines('BEGIN:VCALENDAR', 'X-NAME:BAD', 'END:VCALENDAR'),
    );
    bytes[bytes.indexOf('BAD')] = 0xff;
    expect(() => decodeIcsFeed(bytes)).toThrow(
      'holds bytes that are not UTF-8 outside its events',
    );
  });
});
