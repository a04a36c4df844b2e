import { Entity } from '@backstage/catalog-model';
import { parseIcsSchedule } from './parseIcsSchedule';
import { createShiftUserResolver } from './shiftUserResolver';

const aUser = (name: string, displayName: string, email: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'User',
  metadata: { name, namespace: 'default' },
  spec: { profile: { displayName, email } },
});

const users = [
  aUser('jane-doe', 'Jane Doe', 'jane.doe@acme.example'),
  aUser('tom-becker', 'Tom Becker', 'tom.becker@acme.example'),
];

const january = {
  from: new Date('2027-01-01T00:00:00Z'),
  to: new Date('2027-02-01T00:00:00Z'),
};

const feedOf = (...lines: string[]) =>
  ['BEGIN:VCALENDAR', 'VERSION:2.0', ...lines, 'END:VCALENDAR'].join('\r\n');

const event = (...lines: string[]) => ['BEGIN:VEVENT', ...lines, 'END:VEVENT'];

function parse(ics: string, summaryPattern?: RegExp) {
  return parseIcsSchedule({
    ics,
    range: january,
    feed: { name: 'f', teamRef: 'group:default/payments', summaryPattern },
    resolveUser: createShiftUserResolver(users),
  });
}

const who = (result: ReturnType<typeof parse>) =>
  result.shifts.map(s => [s.userRef.replace('user:default/', ''), s.startsAt]);

const shift = (uid: string, ...lines: string[]) =>
  event(
    `UID:${uid}`,
    'DTSTART:20270104T090000Z',
    'DTEND:20270111T090000Z',
    ...lines,
  );

describe('people as schedule tools write them', () => {
  it.each([
    ['a bare address (PagerDuty)', 'ATTENDEE:Jane.Doe@acme.example'],
    ['a mailto: address in capitals', 'ATTENDEE:MAILTO:JANE.DOE@ACME.EXAMPLE'],
    ["PagerDuty's summary", 'SUMMARY:On Call - Jane Doe - Payments - Primary'],
    ["Grafana OnCall's level and username", 'SUMMARY:[L1] jane-doe '],
    ['an Opsgenie schedule prefix', 'SUMMARY:Payments_schedule: Jane Doe'],
    ['an address in the summary', 'SUMMARY:On call jane.doe@acme.example'],
    ['a hand-kept calendar', 'SUMMARY:Jane Doe (on call)'],
    [
      'an ATTENDEE common name',
      'ATTENDEE;CN=Jane Doe:mailto:jd@elsewhere.example',
    ],
  ])('finds Jane by %s', (_, line) => {
    expect(who(parse(feedOf(...shift('s', line))))).toEqual([
      ['jane-doe', '2027-01-04T09:00:00.000Z'],
    ]);
  });

  it('gives a shift to nobody when its summary names two people', () => {
    const result = parse(
      feedOf(...shift('s', 'SUMMARY:Jane Doe - Tom Becker')),
    );
    expect(result.shifts).toEqual([]);
  });

  it("reads the person from the feed's own pattern", () => {
    const ics = feedOf(
      ...shift('s', 'SUMMARY:Rota week 1 > tom.becker@acme.example <'),
    );
    expect(who(parse(ics, /> (?<person>\S+) </i))).toEqual([
      ['tom-becker', '2027-01-04T09:00:00.000Z'],
    ]);
  });
});

describe('feeds read leniently', () => {
  it('reads a feed that begins with a byte-order mark and has blank lines', () => {
    const ics = `\uFEFF\r\n${feedOf(
      ...shift('s', 'ATTENDEE:jane.doe@acme.example  '),
      '',
    )}\n\n`;
    expect(parse(ics).shifts).toHaveLength(1);
  });

  it('expands RDATE;VALUE=PERIOD as occurrences of their own length', () => {
    const ics = feedOf(
      ...event(
        'UID:p',
        'DTSTART:20270104T090000Z',
        'DTEND:20270104T170000Z',
        'RDATE;VALUE=PERIOD:20270106T090000Z/PT12H,20270108T090000Z/20270109T090000Z',
        'SUMMARY:Jane Doe',
      ),
    );
    expect(parse(ics).shifts.map(s => [s.startsAt, s.endsAt])).toEqual([
      ['2027-01-04T09:00:00.000Z', '2027-01-04T17:00:00.000Z'],
      ['2027-01-06T09:00:00.000Z', '2027-01-06T21:00:00.000Z'],
      ['2027-01-08T09:00:00.000Z', '2027-01-09T09:00:00.000Z'],
    ]);
  });

  it.each([
    ['a malformed EXDATE', 'EXDATE:20200116T', 'EXDATE'],
    ['an invalid FREQ', 'RRULE:FREQ=FORTNIGHTLY', 'RRULE'],
    ['a Hebrew RSCALE', 'RRULE:RSCALE=HEBREW;FREQ=YEARLY', 'RRULE'],
  ])(
    'leaves out only the event with %s, naming its line and UID',
    (_, bad, property) => {
      const ics = feedOf(
        ...event(
          'UID:old',
          'DTSTART:20200101T090000Z',
          'DTEND:20200102T090000Z',
          bad,
          'SUMMARY:Tom Becker',
        ),
        ...shift('ok', 'ATTENDEE:jane.doe@acme.example'),
      );
      const result = parse(ics);
      expect(who(result)).toEqual([['jane-doe', '2027-01-04T09:00:00.000Z']]);
      expect(result.warnings).toEqual([
        expect.objectContaining({
          property,
          line: 7,
          uid: 'old',
          summary: 'Tom Becker',
          leftOut: true,
        }),
      ]);
    },
  );
});

describe('time zones', () => {
  // Berlin as a feed wrote it with only its 2018-2020 transitions.
  const truncatedBerlin = [
    'BEGIN:VTIMEZONE',
    'TZID:Europe/Berlin',
    'BEGIN:DAYLIGHT',
    'TZOFFSETFROM:+0100',
    'TZOFFSETTO:+0200',
    'DTSTART:20180325T020000',
    'RDATE:20190331T020000,20200329T020000',
    'END:DAYLIGHT',
    'BEGIN:STANDARD',
    'TZOFFSETFROM:+0200',
    'TZOFFSETTO:+0100',
    'DTSTART:20181028T030000',
    'RDATE:20191027T030000,20201025T030000',
    'END:STANDARD',
    'END:VTIMEZONE',
  ];
  const at9 = (tzid: string) =>
    event(
      'UID:z',
      `DTSTART;TZID=${tzid}:20270104T090000`,
      `DTEND;TZID=${tzid}:20270104T170000`,
      'SUMMARY:Jane Doe',
    );

  it.each([
    [
      'Europe/Berlin, over a truncated VTIMEZONE',
      'Europe/Berlin',
      truncatedBerlin,
      '2027-01-04T08:00:00.000Z',
    ],
    [
      '/Europe/Stockholm, as Apple writes it',
      '/Europe/Stockholm',
      [],
      '2027-01-04T08:00:00.000Z',
    ],
    [
      'America/Chicago without a VTIMEZONE',
      'America/Chicago',
      [],
      '2027-01-04T15:00:00.000Z',
    ],
    [
      '"W. Europe Standard Time", as Exchange writes it',
      '"W. Europe Standard Time"',
      [],
      '2027-01-04T08:00:00.000Z',
    ],
  ])(
    'reads 09:00 in %s with the time-zone database',
    (_, tzid, zone, startsAt) => {
      const result = parse(feedOf(...zone, ...at9(tzid)));
      expect(result.shifts.map(s => s.startsAt)).toEqual([startsAt]);
      expect(result.warnings).toEqual([]);
    },
  );
});
