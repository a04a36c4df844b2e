import { Entity } from '@backstage/catalog-model';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FeedError } from './feedErrors';
import { parseIcsSchedule } from './parseIcsSchedule';
import { createShiftUserResolver } from './shiftUserResolver';

// Real iCalendar files from other projects' test suites and vendors'
// exports; __corpus__/README.md names the source of each.
const corpus = join(__dirname, '__corpus__');
const files = readdirSync(corpus).filter(name => name.endsWith('.ics'));

const read = (name: string) => readFileSync(join(corpus, name), 'utf8');

// Anyone in any event is on call: the corpus tests reading, not matching.
const everyone = () => 'user:default/anyone';

function parseFile(
  name: string,
  range = { from: '2000-01-01T00:00:00Z', to: '2030-01-01T00:00:00Z' },
  resolveUser = everyone,
) {
  return parseIcsSchedule({
    ics: read(name),
    range: { from: new Date(range.from), to: new Date(range.to) },
    feed: { name: 'corpus', teamRef: 'group:default/corpus' },
    resolveUser,
  });
}

/** Files that are no calendar at all: a bare VEVENT or VTIMEZONE. */
const NOT_A_CALENDAR = [
  'pyical-fuzz-issue_104_mark_events_broken.ics',
  'pyical-fuzz-issue_112_missing_tzinfo_on_exdate.ics',
  'pyical-fuzz-issue_464_invalid_rdate.ics',
  'pyical-fuzz_testcase_vtimezone_lone_cr.ics',
];

const window = (from: string, to: string) => ({ from, to });
const times = (result: ReturnType<typeof parseFile>) =>
  result.shifts.map(shift => `${shift.startsAt} ${shift.endsAt}`);

describe('the iCalendar corpus', () => {
  it('holds at least 40 real files', () => {
    expect(files.length).toBeGreaterThanOrEqual(40);
  });

  it.each(files)(
    '%s is read without an internal error or a whole-feed refusal',
    name => {
      let outcome = 'read';
      try {
        parseFile(name);
      } catch (error) {
        outcome =
          error instanceof FeedError
            ? `refused: ${error.message
                .replace(/\d+/g, 'N')
                .replace(/ between .*/, '')}`
            : `internal error: ${error}`;
      }
      // A real calendar is read; only the cost limits may refuse one (a
      // daily event over 30 years is more shifts than one feed may hold).
      // A bare VEVENT or VTIMEZONE is no calendar and is refused as one.
      const accepted = NOT_A_CALENDAR.includes(name)
        ? ['refused: is not an iCalendar (RFC N) feed']
        : ['read', 'refused: has more than N shifts'];
      expect(accepted).toContain(outcome);
    },
  );
});

describe('the corpus read exactly (times worked out by hand from each file)', () => {
  it('maps the PagerDuty export by its bare ATTENDEE address', () => {
    const jane: Entity = {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'User',
      metadata: { name: 'jane-doe', namespace: 'default' },
      spec: { profile: { email: 'Jane@Example.com' } },
    };
    const result = parseFile(
      'vendor-pagerduty-bizneo-oncall.ics',
      undefined,
      createShiftUserResolver([jane]) as () => string,
    );
    // The source project's own test: Jul 31 15:00 to Aug 7 15:00 UTC.
    expect(result.shifts.map(s => [s.userRef, s.startsAt, s.endsAt])).toEqual([
      [
        'user:default/jane-doe',
        '2025-07-31T15:00:00.000Z',
        '2025-08-07T15:00:00.000Z',
      ],
    ]);
  });

  it('reads a Windows TZID with the time-zone database (Exchange 2007)', () => {
    // 16:00 in Berlin summer time (+02:00).
    expect(times(parseFile('vendor-exchange-2007-w-europe.ics'))).toEqual([
      '2010-06-25T14:00:00.000Z 2010-06-25T15:00:00.000Z',
    ]);
  });

  it('reads a Windows TZID that Exchange 2010 defines itself', () => {
    // 17:00 US Eastern on 28 Oct 2024, still daylight time (-04:00).
    expect(times(parseFile('pyical-issue_836_do_not_quote_tzid.ics'))).toEqual([
      '2024-10-28T21:00:00.000Z 2024-10-28T22:00:00.000Z',
    ]);
  });

  it('reads a leading-slash TZID without a VTIMEZONE by the database', () => {
    const result = parseFile(
      'pyical-issue_466_convert_tzid_with_slash.ics',
      window('2022-10-20T00:00:00Z', '2022-11-05T00:00:00Z'),
    );
    // Fridays 20:00 Stockholm: +02:00 until 30 Oct, then +01:00.
    expect(times(result)).toEqual([
      '2022-10-21T18:00:00.000Z 2022-10-21T19:00:00.000Z',
      '2022-10-28T18:00:00.000Z 2022-10-28T19:00:00.000Z',
      '2022-11-04T19:00:00.000Z 2022-11-04T20:00:00.000Z',
    ]);
    expect(result.warnings).toEqual([]);
  });

  it('does not let a VTIMEZONE listing only 2022-2024 decide later years', () => {
    const result = parseFile('rie-issue_113_period_in_rdate.ics');
    // Vancouver noon: -07:00 in summer, -08:00 in winter; the RDATE period
    // 13 Dec 12:00-15:00 is an occurrence of its own length; 20 Dec is
    // excluded.
    expect(times(result)).toEqual(
      expect.arrayContaining([
        '2023-09-20T19:00:00.000Z 2023-09-20T21:00:00.000Z',
        '2023-11-15T20:00:00.000Z 2023-11-15T22:00:00.000Z',
        '2023-12-13T20:00:00.000Z 2023-12-13T23:00:00.000Z',
        '2024-03-20T19:00:00.000Z 2024-03-20T21:00:00.000Z',
      ]),
    );
    expect(times(result)).not.toContainEqual(
      expect.stringContaining('2023-12-20'),
    );
  });

  it('expands a daily event ten times in Berlin winter time', () => {
    const result = parseFile('rie-event_10_times.ics');
    expect(result.shifts).toHaveLength(10);
    expect(times(result)[0]).toBe(
      '2020-01-13T06:45:00.000Z 2020-01-13T09:00:00.000Z',
    );
    expect(times(result)[9]).toBe(
      '2020-01-22T06:45:00.000Z 2020-01-22T09:00:00.000Z',
    );
  });

  it('keeps a Lisbon weekly event at 11:30 local across the change of hour', () => {
    const result = parseFile(
      'rie-issue_48_daylight_aware_repeats.ics',
      window('2020-10-19T00:00:00Z', '2020-11-03T00:00:00Z'),
    );
    expect(times(result)).toEqual([
      '2020-10-19T10:30:00.000Z 2020-10-19T12:00:00.000Z',
      '2020-10-26T11:30:00.000Z 2020-10-26T13:00:00.000Z',
      '2020-11-02T11:30:00.000Z 2020-11-02T13:00:00.000Z',
    ]);
  });

  it('reads an America/New_York event of a feed with its own VTIMEZONE', () => {
    expect(times(parseFile('pyical-america_new_york.ics'))).toEqual([
      '2014-08-29T12:00:00.000Z 2014-08-29T14:00:00.000Z',
    ]);
  });

  it('reads a custom zone named UTC+11 from its VTIMEZONE', () => {
    expect(times(parseFile('pyical-issue_218_bad_tzid.ics'))).toEqual([
      '2017-02-28T12:00:00.000Z 2017-02-28T12:30:00.000Z',
    ]);
  });

  it('leaves out the event with an invalid FREQ, naming line and property', () => {
    const { shifts, warnings } = parseFile(
      'pyical-issue_1081_invalid_rrule_freq.ics',
    );
    expect(shifts).toEqual([]);
    expect(warnings).toEqual([
      expect.objectContaining({ property: 'RRULE', line: 7, leftOut: true }),
    ]);
  });

  it('leaves out only the event with an RDATE of the TIME type', () => {
    const { warnings } = parseFile('pyical-multiple_timezones.ics');
    expect(warnings.map(w => [w.property, w.line])).toEqual([
      ['RDATE', 23],
      ['RDATE', 28],
      ['RDATE', 33],
    ]);
  });

  it('refuses an impractical DURATION for its event only', () => {
    expect(parseFile('pyical-invalid_duration.ics').warnings).toEqual([
      expect.objectContaining({
        message: 'DURATION is longer than 10 years',
        line: 8,
      }),
    ]);
  });

  it('skips the cancelled occurrence of a series', () => {
    // The source project reads 29 Jan as a CANCELLED occurrence (22:00
    // Berlin, +01:00); this plugin leaves cancelled occurrences out.
    expect(times(parseFile('rie-issue_18_cancel_status.ics'))).toEqual([
      '2020-01-28T21:00:00.000Z 2020-01-28T22:00:00.000Z',
      '2020-01-30T21:00:00.000Z 2020-01-30T22:00:00.000Z',
    ]);
  });
});
