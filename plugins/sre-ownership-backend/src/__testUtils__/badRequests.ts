/**
 * A generated corpus of bad requests over every route of the contract: each
 * request is good but for one thing, and says what its refusal must name.
 * Routes, parameters and their bounds are read from the OpenAPI document,
 * so a new route or parameter is covered without editing this file.
 */
import { gzipSync } from 'node:zlib';
import { spec } from '../openapi';

/** One bad request and what the answer's message must contain. */
export interface BadRequest {
  /** The contract's operation, e.g. `GET /teams/{namespace}/{name}/burden`. */
  operation: string;
  method: 'get' | 'post';
  /** Path and query as sent: percent-escapes are not touched. */
  url: string;
  body?: Buffer;
  headers?: Record<string, string>;
  /** The field and colon (`days:`), or the limit or media type for 413/415. */
  names: string;
  what: string;
}

interface Parameter {
  name: string;
  in: string;
  schema: {
    type?: string;
    minimum?: number;
    maximum?: number;
    minLength?: number;
    maxLength?: number;
    enum?: readonly string[];
    format?: string;
    items?: { type?: string };
  };
}

/** A good value for each path parameter. */
const GOOD_PATH: Record<string, string> = {
  kind: 'component',
  namespace: 'default',
  name: 'payments-api',
  id: 'inv-1',
};

/** A good body for each route that takes one. */
const GOOD_BODY: Record<string, object> = {
  '/events': {
    pages: [
      {
        source: 'api',
        externalId: 'corpus-1',
        teamRef: 'group:default/payments',
        severity: 'high',
        triggeredAt: '2026-03-03T02:00:00Z',
      },
    ],
  },
  '/webhooks/alertmanager': { version: '4', status: 'firing', alerts: [] },
  '/webhooks/pagerduty': {
    event: {
      id: 'ev-1',
      event_type: 'incident.triggered',
      resource_type: 'incident',
      occurred_at: '2026-03-03T02:00:00Z',
      data: { id: 'PINC1', type: 'incident', service: { id: 'PAYAPI1' } },
    },
  },
  '/teams/{namespace}/{name}/rest-taken': {
    userRef: 'user:default/jane-doe',
    date: '2026-03-01',
    minutes: 60,
  },
  '/pulse/invitations/{id}/answer': {
    scores: { sustainable: 3, sleep: 3, actionable: 3 },
  },
};

const hex = (code: number) => code.toString(16).toUpperCase().padStart(2, '0');

/** U+0000 to U+001F and U+007F, percent-encoded. */
const CONTROLS = [...Array.from({ length: 32 }, (_, i) => i), 0x7f].map(
  code => `%${hex(code)}`,
);

/** Escapes that are malformed, or that decode to bytes that are not UTF-8. */
const BAD_ESCAPES = [
  '%zz',
  '%',
  'a%2',
  '%G0',
  '%%41',
  '%FF',
  '%C3%28',
  '%E2%82%28',
  '%ED%A0%80',
  '%C0%AF',
  '%80',
];

/** Bodies that are not UTF-8: each would be read with a U+FFFD. */
const NOT_UTF8 = [
  [0xff],
  [0xfe],
  [0xc3, 0x28],
  [0xa0, 0xa1],
  [0xe2, 0x28, 0xa1],
  [0xf0, 0x28, 0x8c, 0xbc],
  [0xed, 0xa0, 0x80],
  [0xc0, 0xaf],
];

const NOT_JSON = [
  '{',
  '{"a":}',
  "{'a':1}",
  '[1,]',
  'nul',
  '{"a":1}}',
  '"text"',
  '123',
  'null',
  'true',
];

/** The operations of the contract: every route with every method. */
export function operations() {
  return Object.entries(spec.paths).flatMap(([path, methods]) =>
    Object.entries(methods as Record<string, { parameters?: unknown }>).map(
      ([method, operation]) => ({
        path,
        method: method as 'get' | 'post',
        parameters: (operation.parameters ?? []) as readonly Parameter[],
      }),
    ),
  );
}

/** A team route names a Group; the others a Component. */
const fill = (path: string, values: Record<string, string> = {}) =>
  path.replace(
    /\{(\w+)\}/g,
    (_, name) =>
      values[name] ??
      (path.startsWith('/teams/') && name === 'name'
        ? 'payments'
        : GOOD_PATH[name]),
  );

/**
 * Query parameters sent beside the one under test, so that it is the only
 * thing wrong: a required one, or the other end of a window.
 */
const PARTNERS: Record<string, string> = {
  q: 'payments',
  from: '2026-03-01T00%3A00%3A00Z',
  to: '2026-03-02T00%3A00%3A00Z',
};
const PARTNER_OF: Record<string, string> = { from: 'to', to: 'from' };

/** The good parameters a request testing `name` also needs. */
function partnersOf(name: string, parameters: readonly Parameter[]) {
  return parameters
    .filter(
      p =>
        p.in === 'query' &&
        p.name !== name &&
        ((p as { required?: boolean }).required || PARTNER_OF[name] === p.name),
    )
    .map(p => `&${p.name}=${PARTNERS[p.name] ?? goodQueryValue(p)}`)
    .join('');
}

/** A good value of a query parameter, already encoded. */
function goodQueryValue(parameter: Parameter): string {
  const { schema } = parameter;
  if (schema.enum) return schema.enum[0];
  if (schema.type === 'integer') return String(schema.minimum ?? 1);
  if (schema.format === 'date-time') return '2026-03-01T00%3A00%3A00Z';
  return 'a';
}

/** Values a query parameter of this schema must refuse, already encoded. */
function badQueryValues(parameter: Parameter): string[] {
  const { schema } = parameter;
  const values = [
    '%00',
    'a%00',
    '%01',
    '%1F',
    '%7F',
    'a%0Ab',
    '%zz',
    '%FF',
    '%',
  ];
  if (schema.type === 'integer') {
    values.push(
      '1e400',
      '-1e400',
      'Infinity',
      '-Infinity',
      'NaN',
      '1.5',
      '0x10',
      '%201',
      '1%20',
      '1e3',
      '99999999999999999999',
      '%2B1',
      'abc',
      '',
      '1%2C2',
    );
    if (schema.maximum !== undefined) values.push(String(schema.maximum + 1));
    if (schema.minimum !== undefined) values.push(String(schema.minimum - 1));
  }
  if (schema.enum) values.push('nope', schema.enum[0].toUpperCase(), '');
  if (schema.format === 'date-time') {
    values.push('yesterday', '2026-13-01T00%3A00%3A00Z', '');
  }
  if (schema.maxLength !== undefined) {
    values.push('x'.repeat(schema.maxLength + 1));
  }
  return values;
}

const json = (body: unknown) => Buffer.from(JSON.stringify(body));

/** Body-level refusals every route with a body gives. */
function badBodies(
  path: string,
): Array<Omit<BadRequest, 'operation' | 'method' | 'url'>> {
  const good = JSON.stringify(GOOD_BODY[path]);
  const cases: Array<Omit<BadRequest, 'operation' | 'method' | 'url'>> = [];
  for (const bytes of NOT_UTF8) {
    for (const at of [1, Math.floor(good.length / 2), good.length - 1]) {
      // Inside a string or between tokens: invalid either way.
      const text = Buffer.from(good);
      cases.push({
        body: Buffer.concat([
          text.subarray(0, at),
          Buffer.from(bytes),
          text.subarray(at),
        ]),
        names: 'body:',
        what: `bytes ${bytes.map(hex).join(' ')} at ${at}`,
      });
    }
  }
  for (const text of NOT_JSON) {
    cases.push({ body: Buffer.from(text), names: 'body:', what: text });
  }
  cases.push(
    {
      body: Buffer.from(good),
      headers: { 'content-type': 'text/plain' },
      names: 'application/json',
      what: 'text/plain',
    },
    {
      body: Buffer.from(good),
      headers: { 'content-type': 'application/json; charset=latin1' },
      names: 'UTF-8',
      what: 'charset latin1',
    },
    {
      body: gzipSync(Buffer.from(good)),
      headers: { 'content-encoding': 'zstd' },
      names: 'Content-Encoding zstd',
      what: 'an encoding the parser lacks',
    },
    {
      // 30 MB of spaces in 30 kB: over every limit once inflated.
      body: gzipSync(Buffer.alloc(30 * 1024 * 1024, ' ')),
      headers: { 'content-encoding': 'gzip' },
      names: 'accepts at most',
      what: 'a gzip bomb',
    },
  );
  return cases;
}

/** Field-level refusals of the bodies the ingestion corpus does not cover. */
const BAD_FIELDS: Record<string, Array<[string, object]>> = {
  '/teams/{namespace}/{name}/rest-taken': [
    ['note:', { note: 'a\u0000b' }],
    ['note:', { note: '\u0001' }],
    ['note:', { note: 'a\u007f' }],
    ['note:', { note: 'x'.repeat(501) }],
    ['note:', { note: 5 }],
    ['userRef:', { userRef: 'jane-doe' }],
    ['userRef:', { userRef: `user:default/${'x'.repeat(300)}` }],
    ['userRef:', { userRef: 7 }],
    ['userRef:', { userRef: 'user:default/jane\u0000doe' }],
    ['date:', { date: '1st of March' }],
    ['date:', { date: '2026-02-30' }],
    ['date:', { date: '2026-3-1' }],
    ['minutes:', { minutes: 0 }],
    ['minutes:', { minutes: 1441 }],
    ['minutes:', { minutes: 1.5 }],
    ['minutes:', { minutes: '60' }],
    ['minutes:', { minutes: null }],
    ['minutes:', { minutes: -1 }],
    ['nope:', { nope: 1 }],
    ['userRef:', { userRef: undefined }],
    ['minutes:', { minutes: undefined }],
  ],
  '/pulse/invitations/{id}/answer': [
    ['scores.sleep:', { scores: { sustainable: 3, sleep: 0, actionable: 3 } }],
    ['scores.sleep:', { scores: { sustainable: 3, sleep: 6, actionable: 3 } }],
    [
      'scores.sleep:',
      { scores: { sustainable: 3, sleep: 2.5, actionable: 3 } },
    ],
    [
      'scores.sleep:',
      { scores: { sustainable: 3, sleep: '3', actionable: 3 } },
    ],
    [
      'scores.sleep:',
      { scores: { sustainable: 3, sleep: null, actionable: 3 } },
    ],
    ['scores.sleep:', { scores: { sustainable: 3, actionable: 3 } }],
    [
      'scores.mood:',
      { scores: { sustainable: 3, sleep: 3, actionable: 3, mood: 3 } },
    ],
    ['scores:', { scores: 3 }],
    ['comment:', { comment: 'a\u0000b' }],
    ['comment:', { comment: '\u001b[31m' }],
    ['comment:', { comment: 3 }],
    ['nope:', { nope: true }],
  ],
};

/** Numbers JSON can write but no integer field accepts, sent as raw text. */
const RAW_NUMBERS: Record<string, Array<[string, string]>> = {
  '/teams/{namespace}/{name}/rest-taken': [
    ['minutes:', '1e400'],
    ['minutes:', '-1e400'],
    ['minutes:', '1e4'],
    ['minutes:', '60.000001'],
  ],
};

/** Every bad request of the corpus, over every operation of the contract. */
export function badRequests(): BadRequest[] {
  const corpus: BadRequest[] = [];
  for (const { path, method, parameters } of operations()) {
    const operation = `${method.toUpperCase()} ${path}`;
    const body = GOOD_BODY[path] ? json(GOOD_BODY[path]) : undefined;
    const add = (request: Omit<BadRequest, 'operation' | 'method'>) =>
      corpus.push({ operation, method, body, ...request });

    // Path parameters.
    for (const [, name] of path.matchAll(/\{(\w+)\}/g)) {
      const values = [
        ...CONTROLS.map(control => `a${control}b`),
        ...CONTROLS.map(control => `${control}a`),
        '%00',
        '%2F',
        'a%2Fb',
        '%2f',
        '..%2F..',
        ...BAD_ESCAPES,
      ];
      for (const value of values) {
        add({
          url: fill(path, { [name]: value }),
          names: `${name}:`,
          what: `${name}=${value}`,
        });
      }
    }

    // Query parameters, one bad at a time.
    const url = fill(path);
    for (const parameter of parameters.filter(p => p.in === 'query')) {
      const partners = partnersOf(parameter.name, parameters);
      for (const value of badQueryValues(parameter)) {
        add({
          url: `${url}?${parameter.name}=${value}${partners}`,
          names: `${parameter.name}:`,
          what: `${parameter.name}=${value}`,
        });
      }
      if (parameter.schema.type !== 'array') {
        const good = goodQueryValue(parameter);
        add({
          url: `${url}?${parameter.name}=${good}&${parameter.name}=${good}${partners}`,
          names: `${parameter.name}:`,
          what: `${parameter.name} twice`,
        });
      }
    }
    for (const [query, field] of [
      ['nope=1', 'nope'],
      ['DAYS=7', 'DAYS'],
      ['a[b]=1', 'a'],
      ['x%00=1', 'x%00'],
      ['%zz=1', '%zz'],
    ]) {
      add({ url: `${url}?${query}`, names: `${field}:`, what: query });
    }

    // Bodies.
    if (!body) continue;
    for (const request of badBodies(path)) add({ url, ...request });
    for (const [field, change] of BAD_FIELDS[path] ?? []) {
      add({
        url,
        body: json({ ...GOOD_BODY[path], ...change }),
        names: field,
        what: JSON.stringify(change) ?? field,
      });
    }
    for (const [field, number] of RAW_NUMBERS[path] ?? []) {
      add({
        url,
        body: Buffer.from(
          JSON.stringify(GOOD_BODY[path]).replace(
            '"minutes":60',
            `"minutes":${number}`,
          ),
        ),
        names: field,
        what: `minutes ${number}`,
      });
    }
  }
  return corpus;
}
