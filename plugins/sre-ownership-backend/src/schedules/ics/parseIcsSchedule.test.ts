import { Entity } from '@backstage/catalog-model';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  DEFAULT_FEED_LIMITS,
  icsScheduleSource,
  parseIcsSchedule,
  parseIcsScheduleYielding,
} from './parseIcsSchedule';
import { createShiftUserResolver } from './shiftUserResolver';

const fixture = readFileSync(
  join(__dirname, '__fixtures__', 'pagerduty-export.ics'),
  'utf8',
);

const aUser = (name: string, displayName: string, email?: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'User',
  metadata: { name, namespace: 'default' },
  spec: { profile: { displayName, ...(email ? { email } : {}) } },
});

const payments = [
  aUser('jane-doe', 'Jane Doe', 'jane.doe@acme.example'),
  aUser('tom-becker', 'Tom Becker', 'tom.becker@acme.example'),
  aUser('sam-carter', 'Sam Carter', 'sam.carter@acme.example'),
  aUser('mei-lin', 'Mei Lin', 'mei.lin@acme.example'),
];

const marchAndApril = {
  from: new Date('2026-03-01T00:00:00Z'),
  to: new Date('2026-05-01T00:00:00Z'),
};

const feed = { name: 'payments-primary', teamRef: 'group:default/payments' };

function parse(ics = fixture, users = payments, range = marchAndApril) {
  return parseIcsSchedule({
    ics,
    range,
    feed,
    resolveUser: createShiftUserResolver(users),
  });
}

const rows = (result: ReturnType<typeof parse>) =>
  result.shifts.map(s => [
    s.userRef.replace('user:default/', ''),
    s.startsAt,
    s.endsAt,
  ]);

/** A minimal feed around the given VEVENT lines, in UTC. */
const aFeed = (...events: string[][]) =>
  [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Test//EN',
    ...events.flatMap(lines => ['BEGIN:VEVENT', ...lines, 'END:VEVENT']),
    'END:VCALENDAR',
  ].join('\r\n');

describe('parseIcsSchedule', () => {
  it('expands the weekly rotation into whole shifts, in UTC across the DST change', () => {
    expect(rows(parse())).toEqual([
      // Overlaps the start of the range: kept whole, not clipped.
      ['tom-becker', '2026-02-23T09:00:00.000Z', '2026-03-02T09:00:00.000Z'],
      ['jane-doe', '2026-03-02T09:00:00.000Z', '2026-03-09T09:00:00.000Z'],
      ['tom-becker', '2026-03-09T09:00:00.000Z', '2026-03-16T09:00:00.000Z'],
      ['jane-doe', '2026-03-16T09:00:00.000Z', '2026-03-23T09:00:00.000Z'],
      // 09:00 GMT to 09:00 BST: the clocks went forward on 29 March.
      ['tom-becker', '2026-03-23T09:00:00.000Z', '2026-03-30T08:00:00.000Z'],
      ['mei-lin', '2026-03-28T09:00:00.000Z', '2026-03-30T08:00:00.000Z'],
      ['jane-doe', '2026-03-30T08:00:00.000Z', '2026-04-06T08:00:00.000Z'],
      // The override swaps Tom for Sam.
      ['sam-carter', '2026-04-06T08:00:00.000Z', '2026-04-13T08:00:00.000Z'],
      // Jane's 13 April (EXDATE) is gone; the vendor cover is unmatched.
      ['tom-becker', '2026-04-20T08:00:00.000Z', '2026-04-27T08:00:00.000Z'],
      // Overlaps the end of the range: kept whole.
      ['jane-doe', '2026-04-27T08:00:00.000Z', '2026-05-04T08:00:00.000Z'],
    ]);
  });

  it('identifies each occurrence by UID and scheduled start, under the feed source', () => {
    const [first] = parse().shifts;
    expect(first).toEqual({
      source: 'ics:payments-primary',
      externalId:
        'PQ4R7ZB-PT0M8BK-rotation@acme.pagerduty.com/2026-02-23T09:00:00.000Z',
      teamRef: 'group:default/payments',
      userRef: 'user:default/tom-becker',
      schedule: 'payments-primary',
      startsAt: '2026-02-23T09:00:00.000Z',
      endsAt: '2026-03-02T09:00:00.000Z',
    });
    const ids = parse().shifts.map(s => s.externalId);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('maps by e-mail before the summary, and by summary when there is no e-mail', () => {
    // Someone whose name is the summary of Jane's events does not get them:
    // her address (in another case) names her. Mei's event has only her name.
    const users = [
      ...payments,
      aUser('rota-bot', 'On Call - Jane Doe - Payments - Primary'),
    ];
    const result = parse(fixture, users);
    expect(
      result.shifts.filter(s => s.userRef.endsWith('jane-doe')),
    ).toHaveLength(4);
    expect(
      result.shifts.filter(s => s.userRef.endsWith('mei-lin')),
    ).toHaveLength(1);
  });

  it('reports events that name no User, with their summary and time', () => {
    expect(parse().warnings).toEqual([
      {
        message:
          'no User matches the e-mail addresses or the summary of this event',
        summary: 'On Call - Vendor Cover - Payments - Primary',
        startsAt: '2026-04-13T08:00:00.000Z',
        leftOut: true,
      },
    ]);
    const withoutMei = payments.filter(u => u.metadata.name !== 'mei-lin');
    expect(parse(fixture, withoutMei).warnings.map(w => w.summary)).toContain(
      'Mei Lin',
    );
  });

  it('matches a summary to a name, title or display name, but not one shared by two Users', () => {
    const ics = aFeed(
      [
        'UID:a',
        'DTSTART:20260302T090000Z',
        'DTEND:20260303T090000Z',
        'SUMMARY:priya-raman',
      ],
      [
        'UID:b',
        'DTSTART:20260303T090000Z',
        'DTEND:20260304T090000Z',
        'SUMMARY:alex',
      ],
    );
    const users = [
      aUser('priya-raman', 'Priya Raman'),
      aUser('alex-kim', 'Alex'),
      aUser('alex-ross', 'Alex'),
    ];
    const result = parse(ics, users);
    expect(result.shifts.map(s => s.userRef)).toEqual([
      'user:default/priya-raman',
    ]);
    expect(result.warnings.map(w => w.summary)).toEqual(['alex']);
  });

  it('leaves out cancelled events and occurrences, and an override can move one into the range', () => {
    const jane = 'ATTENDEE:mailto:jane.doe@acme.example';
    const ics = aFeed(
      [
        'UID:r',
        'DTSTART:20260302T090000Z',
        'DTEND:20260303T090000Z',
        'RRULE:FREQ=WEEKLY;COUNT=10',
        jane,
      ],
      [
        'UID:r',
        'RECURRENCE-ID:20260309T090000Z',
        'DTSTART:20260309T090000Z',
        'DTEND:20260310T090000Z',
        'STATUS:CANCELLED',
        jane,
      ],
      [
        'UID:r',
        'RECURRENCE-ID:20260316T090000Z',
        'DTSTART:20260301T090000Z',
        'DTEND:20260302T090000Z',
        jane,
      ],
      [
        'UID:x',
        'DTSTART:20260310T090000Z',
        'DTEND:20260311T090000Z',
        'STATUS:CANCELLED',
        jane,
      ],
    );
    const range = {
      from: new Date('2026-03-01T00:00:00Z'),
      to: new Date('2026-03-16T00:00:00Z'),
    };
    expect(
      parse(ics, payments, range).shifts.map(s => [s.externalId, s.startsAt]),
    ).toEqual([
      ['r/2026-03-16T09:00:00.000Z', '2026-03-01T09:00:00.000Z'],
      ['r/2026-03-02T09:00:00.000Z', '2026-03-02T09:00:00.000Z'],
    ]);
  });

  it('warns when a time zone is not defined in the feed', () => {
    const ics = aFeed([
      'UID:z',
      'DTSTART;TZID=Mars/Olympus:20260302T090000',
      'DTEND;TZID=Mars/Olympus:20260303T090000',
      'ATTENDEE:mailto:jane.doe@acme.example',
    ]);
    expect(parse(ics).warnings).toEqual([
      {
        message:
          'time zone Mars/Olympus has no VTIMEZONE in the feed; its times were read as UTC',
        leftOut: false,
      },
    ]);
  });

  it('refuses text that is not an iCalendar feed, without quoting it', () => {
    expect(() =>
      parse('<html><body>Sign in secret-token</body></html>'),
    ).toThrow(/^is not an iCalendar \(RFC 5545\) feed$/);
  });

  it('keeps sources within the 64-character column, distinct per feed', () => {
    const long = `group:default/${'a'.repeat(80)}`;
    expect(icsScheduleSource('payments')).toBe('ics:payments');
    expect(icsScheduleSource(long)).toHaveLength(64);
    expect(icsScheduleSource(long)).not.toBe(icsScheduleSource(`${long}b`));
  });

  it('reads the demo feed of platform-sre as one gapless rotation of its four members', () => {
    const demo = readFileSync(
      join(__dirname, '../../../../../examples/schedules/platform-sre.ics'),
      'utf8',
    );
    const members = [
      aUser('amara-okafor', 'Amara Okafor', 'amara.okafor@acme.example'),
      aUser('lars-nilsson', 'Lars Nilsson', 'lars.nilsson@acme.example'),
      aUser('priya-raman', 'Priya Raman', 'priya.raman@acme.example'),
      aUser('diego-alvarez', 'Diego Alvarez', 'diego.alvarez@acme.example'),
    ];
    const { shifts, warnings } = parse(demo, members, {
      from: new Date('2026-08-24T00:00:00Z'),
      to: new Date('2027-01-22T00:00:00Z'),
    });
    expect(warnings).toEqual([]);
    expect(new Set(shifts.map(s => s.userRef)).size).toBe(4);
    for (let i = 1; i < shifts.length; i++) {
      expect(shifts[i].startsAt).toBe(shifts[i - 1].endsAt);
    }
  });
});

describe('parseIcsScheduleYielding', () => {
  // Ten events repeating every minute from 2026-01-01: reading March expands
  // 10 x 84,960 occurrences before the range, past the occurrence limit, so
  // the largest feed the limits allow is worked through before it is refused.
  const aLargeFeed = () =>
    aFeed(
      ...Array.from({ length: 10 }, (_, i) => [
        `UID:every-minute-${i}`,
        'DTSTART:20260101T000000Z',
        'DTEND:20260101T000100Z',
        'RRULE:FREQ=MINUTELY',
        'SUMMARY:Jane Doe',
      ]),
    );
  // Enough work for many slices even on a quiet machine, and quick on a
  // busy one.
  const LIMIT = 20_000;
  const options = (ics: string) => ({
    ics,
    range: marchAndApril,
    feed,
    resolveUser: createShiftUserResolver(payments),
  });

  it('lets timers run while it expands a feed up to its occurrence limit', async () => {
    const gaps: number[] = [];
    let last = performance.now();
    const timer = setInterval(() => {
      const now = performance.now();
      gaps.push(now - last);
      last = now;
    }, 1);

    const outcome = await parseIcsScheduleYielding({
      ...options(aLargeFeed()),
      limits: { ...DEFAULT_FEED_LIMITS, maxOccurrences: LIMIT },
    }).then(
      () => 'read',
      (error: Error) => error.message,
    );
    clearInterval(timer);

    expect(outcome).toContain(`more than ${LIMIT} occurrences`);
    // The timer fired again and again during the parse, never kept waiting
    // for anything near the whole parse (seconds on a busy machine).
    expect(gaps.length).toBeGreaterThan(10);
    expect(Math.max(...gaps)).toBeLessThan(500);
  }, 60_000);

  it('reads a feed exactly as parseIcsSchedule does', async () => {
    expect(await parseIcsScheduleYielding(options(fixture))).toEqual(
      parseIcsSchedule(options(fixture)),
    );
  });
});
