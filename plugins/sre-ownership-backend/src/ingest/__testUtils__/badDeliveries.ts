/**
 * A generated corpus of deliveries every ingestion route must refuse: each
 * field of each record wrong in each way (missing, of another type, empty,
 * too long, with NUL or a lone surrogate, a rolled-over date, out of
 * order, ...), alone and as the last record after good ones.
 */

/** Where a delivery goes. */
export type IngestionRoute = 'events' | 'alertmanager' | 'pagerduty';

/** One delivery that must be refused, and the field the refusal must name. */
export interface BadDelivery {
  route: IngestionRoute;
  body: unknown;
  /** The field, as the plugin names it, e.g. `pages[3].resolvedAt`. */
  field: string;
  /** What is wrong, for the test's name. */
  what: string;
}

const MISSING = Symbol('missing');
type Bad = [what: string, value: unknown];

const textBad = (max: number, required: boolean): Bad[] => [
  ...(required ? [['missing', MISSING] as Bad] : []),
  ['null', null],
  ['a number', 42],
  ['a boolean', true],
  ['an object', { id: 'x' }],
  ['an array', ['x']],
  ['empty', ''],
  ['only spaces', '   '],
  [`${max + 1} characters`, 'x'.repeat(max + 1)],
  [`${max + 1} astral characters`, '😀'.repeat(max + 1)],
  ['a NUL', 'a\u0000b'],
  ['a lone high surrogate', 'a\uD800'],
  ['a lone low surrogate', '\uDC00b'],
];

const instantBad = (required: boolean): Bad[] => [
  ...(required ? [['missing', MISSING] as Bad] : []),
  ['null', null],
  ['epoch milliseconds', 1772442000000],
  ['empty', ''],
  ['a word', 'monday'],
  ['30 February', '2026-02-30T02:00:00Z'],
  ['29 February of a common year', '2026-02-29T02:00:00Z'],
  ['31 April', '2026-04-31T02:00:00Z'],
  ['month 13', '2026-13-01T00:00:00Z'],
  ['month 0', '2026-00-10T00:00:00Z'],
  ['day 0', '2026-03-00T00:00:00Z'],
  ['hour 24', '2026-03-02T24:00:00Z'],
  ['minute 60', '2026-03-02T23:60:00Z'],
  ['second 60', '2026-03-02T23:59:60Z'],
  ['no offset', '2026-03-02T09:00:00'],
  ['offset +25:00', '2026-03-02T09:00:00+25:00'],
  ['offset minutes 60', '2026-03-02T09:00:00+01:60'],
  ['a space for T', '2026-03-02 09:00:00Z'],
  ['an empty fraction', '2026-03-02T09:00:00.Z'],
  ['a lower-case zone', '2026-03-02T09:00:00z'],
  ['one-digit month and day', '2026-3-2T09:00:00Z'],
  ['year 1', '0001-01-01T00:00:00Z'],
  ['a NUL', '2026-03-02T09:00:00Z\u0000'],
];

const refBad = (kind: 'group' | 'user' | 'any', required: boolean): Bad[] => {
  const good = kind === 'any' ? 'component' : kind;
  return [
    ...(required ? [['missing', MISSING] as Bad] : []),
    ['null', null],
    ['a number', 5],
    ['an object', { kind: good }],
    ['empty', ''],
    ['a bare name', 'payments'],
    ['no namespace', `${good}:payments`],
    ['a name with a slash', `${good}:default/a/b`],
    ['an empty name', `${good}:default/`],
    ['no kind', ':default/payments'],
    ['a namespace with a space', `${good}:my space/payments`],
    ['a name with a space', `${good}:default/bad name`],
    ['256 characters', `${good}:default/${'x'.repeat(256)}`],
    ['a NUL', `${good}:default/a\u0000`],
    ['a lone surrogate', `${good}:default/a\uD800`],
    ...(kind === 'any'
      ? []
      : ([
          [
            'a ref of another kind',
            kind === 'group'
              ? 'user:default/jane-doe'
              : 'group:default/payments',
          ],
        ] as Bad[])),
  ];
};

const recordBad: Bad[] = [
  ['null', null],
  ['a string', 'shift'],
  ['a number', 7],
  ['an array', []],
];

const without = (record: object, field: string) =>
  Object.fromEntries(Object.entries(record).filter(([key]) => key !== field));

const withValue = (record: object, field: string, value: unknown) =>
  value === MISSING ? without(record, field) : { ...record, [field]: value };

/** Good records; `n` keeps their keys apart. */
export const goodRecords = {
  shifts: (n: number) => ({
    source: 'corpus',
    externalId: `shift-${n}`,
    teamRef: 'group:default/payments',
    userRef: 'user:default/mei-lin',
    schedule: 'primary',
    startsAt: '2026-03-02T09:00:00Z',
    endsAt: '2026-03-09T09:00:00+01:00',
  }),
  pages: (n: number) => ({
    source: 'corpus',
    externalId: `page-${n}`,
    entityRef: 'component:default/payments-api',
    teamRef: 'group:default/payments',
    responderRef: 'user:default/mei-lin',
    severity: 'high',
    title: 'Payments down',
    triggeredAt: '2026-03-03T02:00:00Z',
    acknowledgedAt: '2026-03-03T02:05:00.5Z',
    resolvedAt: '2026-03-03T03:00:00-01:00',
  }),
  toil: (n: number) => ({
    source: 'corpus',
    externalId: `toil-${n}`,
    teamRef: 'group:default/payments',
    userRef: 'user:default/mei-lin',
    category: 'manual-deploy',
    startedAt: '2026-03-04T10:00:00Z',
    minutes: 90,
  }),
};

type Kind = keyof typeof goodRecords;

const FIELD_BAD: Record<Kind, Record<string, Bad[]>> = {
  shifts: {
    source: textBad(64, true),
    externalId: textBad(512, true),
    teamRef: refBad('group', true),
    userRef: refBad('user', true),
    schedule: textBad(255, false),
    startsAt: instantBad(true),
    endsAt: instantBad(true),
  },
  pages: {
    source: textBad(64, true),
    externalId: textBad(512, true),
    entityRef: refBad('any', false),
    teamRef: refBad('group', false),
    responderRef: refBad('user', false),
    severity: [
      ['missing', MISSING],
      ['null', null],
      ['not a severity', 'sev1'],
      ['capitalised', 'Critical'],
      ['empty', ''],
      ['a number', 3],
    ],
    title: textBad(1024, false),
    triggeredAt: instantBad(true),
    acknowledgedAt: instantBad(false),
    resolvedAt: instantBad(false),
  },
  toil: {
    source: textBad(64, true),
    externalId: textBad(512, true),
    teamRef: refBad('group', true),
    userRef: refBad('user', true),
    category: textBad(64, false),
    startedAt: instantBad(true),
    minutes: [
      ['missing', MISSING],
      ['null', null],
      ['zero', 0],
      ['negative', -5],
      ['more than a day', 1441],
      ['a fraction', 12.5],
      ['a string', '10'],
      ['a boolean', true],
    ],
  },
};

/** Records wrong in how their fields relate; the later field is named. */
const RELATION_BAD: Record<Kind, Array<[string, string, object]>> = {
  shifts: [
    ['ending when it starts', 'endsAt', { endsAt: '2026-03-02T09:00:00Z' }],
    [
      'ending before it starts',
      'endsAt',
      { endsAt: '2026-03-02T10:00:00+02:00' },
    ],
  ],
  pages: [
    [
      'acknowledged before triggered',
      'acknowledgedAt',
      { acknowledgedAt: '2026-03-03T01:59:59Z', resolvedAt: undefined },
    ],
    [
      'resolved before acknowledged',
      'resolvedAt',
      { resolvedAt: '2026-03-03T02:04:00Z' },
    ],
    [
      'resolved before triggered',
      'resolvedAt',
      { acknowledgedAt: undefined, resolvedAt: '2026-03-03T01:00:00Z' },
    ],
    [
      'about nothing',
      'entityRef',
      { entityRef: undefined, teamRef: undefined },
    ],
  ],
  toil: [],
};

const clean = (record: object) =>
  Object.fromEntries(
    Object.entries(record).filter(([, value]) => value !== undefined),
  );

/** The bad versions of one kind of record, with the field each names. */
function badRecords(
  kind: Kind,
): Array<{ what: string; record: unknown; field: string }> {
  const good = goodRecords[kind](999);
  return [
    ...Object.entries(FIELD_BAD[kind]).flatMap(([field, bads]) =>
      bads.map(([what, value]) => ({
        what: `${field} ${what}`,
        record: withValue(good, field, value),
        field,
      })),
    ),
    ...RELATION_BAD[kind].map(([what, field, change]) => ({
      what,
      record: clean({ ...good, ...change }),
      field,
    })),
    {
      what: 'an unknown field',
      record: { ...good, priority: 'P1' },
      field: 'priority',
    },
    {
      what: 'a misspelt field',
      record: { ...good, externalid: 'x' },
      field: 'externalid',
    },
    ...recordBad.map(([what, record]) => ({
      what: `record ${what}`,
      record,
      field: '',
    })),
  ];
}

const KINDS: Kind[] = ['shifts', 'pages', 'toil'];
const GOOD_BEFORE = 3;

function bulkDeliveries(): BadDelivery[] {
  return KINDS.flatMap(kind =>
    badRecords(kind).flatMap(({ what, record, field }) => {
      const at = (index: number) =>
        field ? `${kind}[${index}].${field}` : `${kind}[${index}]`;
      const goods = (k: Kind) =>
        Array.from({ length: GOOD_BEFORE }, (_, i) => goodRecords[k](i));
      const others = KINDS.filter(other => other !== kind);
      return [
        {
          route: 'events',
          what: `${kind}: ${what}, alone`,
          body: { [kind]: [record] },
          field: at(0),
        },
        {
          route: 'events',
          what: `${kind}: ${what}, after good ones`,
          body: { [kind]: [...goods(kind), record] },
          field: at(GOOD_BEFORE),
        },
        {
          route: 'events',
          what: `${kind}: ${what}, after good ones of every kind`,
          body: {
            ...Object.fromEntries(others.map(other => [other, goods(other)])),
            [kind]: [...goods(kind), record],
          },
          field: at(GOOD_BEFORE),
        },
      ] as BadDelivery[];
    }),
  );
}

/** A good Alertmanager alert that routes to payments-api. */
export const goodAlert = (
  n: number,
  status: 'firing' | 'resolved' = 'resolved',
) => ({
  status,
  labels: {
    alertname: 'HighErrorRate',
    service: 'payments-api',
    severity: 'critical',
  },
  annotations: { summary: 'Error rate above 5%' },
  startsAt: '2026-03-03T02:00:00.123456789Z',
  endsAt:
    status === 'resolved' ? '2026-03-03T02:30:00Z' : '0001-01-01T00:00:00Z',
  fingerprint: `f00d${n}`,
});

const notification = (alerts: unknown[]) => ({
  version: '4',
  status: 'resolved',
  receiver: 'sre-ownership',
  groupLabels: { service: 'payments-api' },
  alerts,
});

// A problem inside labels or annotations names the value, not the object.
const alertFieldNamed = (field: string, what: string) => {
  if (field === 'annotations' && what.includes('summary')) {
    return 'annotations.summary';
  }
  return what === 'a number value' ? 'labels.severity' : field;
};

function alertmanagerDeliveries(): BadDelivery[] {
  const good = goodAlert(999);
  const bads: Array<{ what: string; alert: unknown; field: string }> = [
    ...(
      [
        [
          'status',
          [
            ['missing', MISSING],
            ['null', null],
            ['unknown', 'open'],
            ['a number', 1],
          ],
        ],
        [
          'labels',
          [
            ['missing', MISSING],
            ['null', null],
            ['a string', 'service=payments-api'],
            ['a number value', { ...good.labels, severity: 5 }],
          ],
        ],
        [
          'annotations',
          [
            ['null', null],
            ['a number summary', { summary: 5 }],
            ['a NUL in the summary', { summary: 'a\u0000b' }],
            ['a lone surrogate in the summary', { summary: 'a\uD800' }],
          ],
        ],
        ['startsAt', instantBad(true)],
        ['endsAt', instantBad(false).filter(([what]) => what !== 'year 1')],
        ['fingerprint', textBad(128, false)],
      ] as Array<[string, Bad[]]>
    ).flatMap(([field, values]) =>
      values.map(([what, value]) => ({
        what: `${field} ${what}`,
        alert: withValue(good, field, value),
        // A problem inside a label or annotation names the object.
        field: alertFieldNamed(field, what),
      })),
    ),
    {
      what: 'resolved before it started',
      alert: { ...good, endsAt: '2026-03-03T01:59:59Z' },
      field: 'endsAt',
    },
    {
      what: 'a NUL in the alert name used as title',
      alert: {
        ...good,
        annotations: {},
        labels: { ...good.labels, alertname: 'a\u0000' },
      },
      field: 'labels.alertname',
    },
    { what: 'an alert that is null', alert: null, field: '' },
  ];
  const payloadBad: BadDelivery[] = [
    {
      route: 'alertmanager',
      what: 'version missing',
      body: without(notification([good]), 'version'),
      field: 'version',
    },
    {
      route: 'alertmanager',
      what: 'version 3',
      body: { ...notification([good]), version: '3' },
      field: 'version',
    },
    {
      route: 'alertmanager',
      what: 'version a number',
      body: { ...notification([good]), version: 4 },
      field: 'version',
    },
    {
      route: 'alertmanager',
      what: 'alerts missing',
      body: without(notification([good]), 'alerts'),
      field: 'alerts',
    },
    {
      route: 'alertmanager',
      what: 'alerts a string',
      body: { ...notification([]), alerts: 'x' },
      field: 'alerts',
    },
    {
      route: 'alertmanager',
      what: 'status unknown',
      body: { ...notification([good]), status: 'open' },
      field: 'status',
    },
  ];
  const at = (index: number, field: string) =>
    field ? `alerts[${index}].${field}` : `alerts[${index}]`;
  return [
    ...payloadBad,
    ...bads.flatMap(
      ({ what, alert, field }) =>
        [
          {
            route: 'alertmanager',
            what: `alert ${what}, alone`,
            body: notification([alert]),
            field: at(0, field),
          },
          {
            route: 'alertmanager',
            what: `alert ${what}, after good ones`,
            body: notification([
              goodAlert(1),
              goodAlert(2, 'firing'),
              goodAlert(3),
              alert,
            ]),
            field: at(3, field),
          },
        ] as BadDelivery[],
    ),
  ];
}

/** A good PagerDuty v3 event about the payments-api service (PAYAPI1). */
export const goodIncidentEvent = () => ({
  event: {
    id: 'ev-corpus',
    event_type: 'incident.resolved',
    resource_type: 'incident',
    occurred_at: '2026-03-03T03:00:00Z',
    agent: { summary: 'Mei Lin', type: 'user_reference' },
    data: {
      id: 'PCORPUS',
      type: 'incident',
      title: 'Payments down',
      created_at: '2026-03-03T02:00:00Z',
      urgency: 'high',
      priority: { summary: 'P1' },
      service: { id: 'PAYAPI1' },
    },
  },
});

function pagerDutyDeliveries(): BadDelivery[] {
  const good = goodIncidentEvent();
  const eventWith = (field: string, value: unknown) => ({
    event: withValue(good.event, field, value),
  });
  const dataWith = (field: string, value: unknown) => ({
    event: { ...good.event, data: withValue(good.event.data, field, value) },
  });
  const cases: Array<
    [string, Bad[], (field: string, value: unknown) => unknown, string]
  > = [
    [
      'id',
      [
        ['missing', MISSING],
        ['null', null],
        ['a number', 5],
      ],
      eventWith,
      'event',
    ],
    [
      'event_type',
      [
        ['missing', MISSING],
        ['a number', 5],
      ],
      eventWith,
      'event',
    ],
    [
      'resource_type',
      [
        ['missing', MISSING],
        ['null', null],
      ],
      eventWith,
      'event',
    ],
    ['occurred_at', instantBad(true), eventWith, 'event'],
    [
      'agent',
      [
        ['a string', 'Mei Lin'],
        ['a number', 5],
        ['a number summary', { summary: 5, type: 'user_reference' }],
        ['an object summary', { summary: {}, type: 'user_reference' }],
      ],
      eventWith,
      'event',
    ],
    [
      'data',
      [
        ['missing', MISSING],
        ['a string', 'PCORPUS'],
      ],
      eventWith,
      'event',
    ],
    ['id', textBad(512, true), dataWith, 'event.data'],
    [
      'type',
      [
        ['missing', MISSING],
        ['a number', 1],
      ],
      dataWith,
      'event.data',
    ],
    [
      'title',
      [
        ['a number', 5],
        ['an object', {}],
        ['a NUL', 'a\u0000'],
        ['a lone surrogate', '\uD800x'],
      ],
      dataWith,
      'event.data',
    ],
    ['created_at', instantBad(false), dataWith, 'event.data'],
    [
      'urgency',
      [
        ['unknown', 'urgent'],
        ['a number', 5],
      ],
      dataWith,
      'event.data',
    ],
    [
      'priority',
      [
        ['a string', 'P1'],
        ['a number summary', { summary: 1 }],
      ],
      dataWith,
      'event.data',
    ],
    [
      'service',
      [
        ['a string', 'PAYAPI1'],
        ['an object id', { id: {} }],
        ['no id', {}],
      ],
      dataWith,
      'event.data',
    ],
  ];
  const named = (parent: string, field: string, what: string) => {
    if (field === 'agent' && what.includes('summary'))
      return 'event.agent.summary';
    if (field === 'priority' && what.includes('summary'))
      return 'event.data.priority.summary';
    if (field === 'service' && what !== 'a string')
      return 'event.data.service.id';
    return `${parent}.${field}`;
  };
  return [
    { route: 'pagerduty', what: 'event missing', body: {}, field: 'event' },
    {
      route: 'pagerduty',
      what: 'event a string',
      body: { event: 'x' },
      field: 'event',
    },
    {
      route: 'pagerduty',
      what: 'resolved before it was created',
      body: eventWith('occurred_at', '2026-03-03T01:59:00Z'),
      field: 'event.occurred_at',
    },
    {
      route: 'pagerduty',
      what: 'acknowledged before it was created',
      body: {
        event: {
          ...good.event,
          event_type: 'incident.acknowledged',
          occurred_at: '2026-03-03T01:00:00+00:30',
        },
      },
      field: 'event.occurred_at',
    },
    ...cases.flatMap(([field, bads, make, parent]) =>
      bads.map(([what, value]) => ({
        route: 'pagerduty' as const,
        what: `${parent}.${field} ${what}`,
        body: make(field, value),
        field: named(parent, field, what),
      })),
    ),
  ];
}

/** Every bad delivery, for all three routes. */
export function badDeliveries(): BadDelivery[] {
  return [
    ...bulkDeliveries(),
    ...alertmanagerDeliveries(),
    ...pagerDutyDeliveries(),
  ];
}
