import { IndexSummary } from './indexEntry';
import fc from 'fast-check';
import { parseQuery, rankEntities, SearchIndex } from './whoToCall';

const aSummary = (overrides: Partial<IndexSummary>): IndexSummary => ({
  entityRef: `component:default/${overrides.name}`,
  kind: 'component',
  namespace: 'default',
  name: 'x',
  tier: 'tier-2',
  gaps: [],
  reasons: {},
  fallsShort: [],
  tags: [],
  people: [],
  onCallTeams: [],
  ...overrides,
});

describe('parseQuery', () => {
  it('finds the role with or without a scope and drops the question words', () => {
    expect(parseQuery('Who is the SLO guard for search?')).toEqual({
      role: 'slo-guard',
      terms: ['search'],
    });
    expect(parseQuery('slo-guard payments')).toEqual({
      role: 'slo-guard',
      terms: ['payments'],
    });
    expect(parseQuery('incident response leader')).toEqual({
      role: 'incident-response-leader',
      terms: [],
    });
    expect(parseQuery('who do I call about payments?')).toEqual({
      terms: ['payments'],
    });
  });
});

describe('rankEntities', () => {
  const catalog = [
    aSummary({ name: 'billing', description: 'Sends payments invoices.' }),
    aSummary({ name: 'cards', tags: ['payments'] }),
    aSummary({ name: 'ledger', owner: 'group:default/payments' }),
    aSummary({
      name: 'fraud',
      people: [
        {
          ref: 'user:default/jane-doe',
          displayName: 'Jane Doe',
          as: 'SLO guard',
        },
      ],
    }),
    aSummary({ name: 'payments' }),
    aSummary({ name: 'search' }),
  ];

  it('ranks exact name, then owner/team/person, then tags, then description', () => {
    expect(
      rankEntities(catalog, ['payments']).map(m => [m.summary.name, m.match]),
    ).toEqual([
      ['payments', 'name'],
      ['ledger', 'person'],
      ['cards', 'tag'],
      ['billing', 'description'],
    ]);
  });

  it('finds the services a person is named on, saying as what', () => {
    const [match] = rankEntities(catalog, ['jane']);
    expect(match.summary.name).toBe('fraud');
    expect(match.why).toBe('Jane Doe is its SLO guard.');
  });

  it('requires every word to match', () => {
    expect(rankEntities(catalog, ['payments', 'search'])).toEqual([]);
  });
});

describe('questions asked the way people ask them', () => {
  const payments = 'group:default/payments';
  const catalog = [
    aSummary({
      name: 'payments-api',
      owner: payments,
      titles: { owner: 'Payments' },
      type: 'service',
      tags: ['java'],
    }),
    aSummary({ name: 'status-page', type: 'website' }),
    aSummary({
      entityRef: 'resource:default/payments-db',
      kind: 'resource',
      name: 'payments-db',
      type: 'database',
      description: 'PostgreSQL cluster of the payments platform.',
    }),
    aSummary({
      entityRef: 'resource:default/analytics-warehouse',
      kind: 'resource',
      name: 'analytics-warehouse',
      type: 'database',
    }),
    aSummary({
      entityRef: 'api:default/search-query',
      kind: 'api',
      name: 'search-query',
      type: 'openapi',
    }),
  ];
  const ask = (question: string) => {
    const { role, terms } = parseQuery(question);
    const index = new SearchIndex(catalog);
    return {
      role,
      names: index.rank(terms).map(m => m.summary.name),
      matches: index.rank(terms),
    };
  };

  it('answers "who owns status-page" with the service', () => {
    expect(ask('who owns status-page?').names).toEqual(['status-page']);
  });

  it('answers "payments-api escalation" with the service', () => {
    expect(ask('payments-api escalation').names).toEqual(['payments-api']);
  });

  it('answers "database" with the resources of that type', () => {
    const { names, matches } = ask('database');
    expect(names).toEqual(['payments-db', 'analytics-warehouse'].sort());
    expect(matches[0].why).toBe('It is a resource of type database.');
  });

  it('answers a kind: "api"', () => {
    expect(ask('api').names).toContain('search-query');
  });

  it('answers "postgres" from the start of a word in a description', () => {
    expect(ask('postgres').names).toEqual(['payments-db']);
  });

  it('answers "pay" with everything whose words start so', () => {
    expect(ask('pay').names).toEqual(['payments-api', 'payments-db']);
  });

  it('ranks whole words above started ones', () => {
    const index = new SearchIndex([
      aSummary({ name: 'paymentsx-worker' }),
      aSummary({ name: 'billing', tags: ['paymentsx'] }),
      aSummary({ name: 'ledger', owner: 'group:default/paymentsx' }),
      aSummary({ name: 'cards', description: 'takes paymentsxy' }),
    ]);
    const ranked = index.rank(['paymentsx']);
    expect(ranked.map(m => m.summary.name)).toEqual([
      'ledger',
      'paymentsx-worker',
      'billing',
      'cards',
    ]);
    expect(index.rank(['paym']).every(m => m.rank % 1 !== 0)).toBe(true);
  });

  it('answers "architect payments" with the role and the team', () => {
    const { role, names, matches } = ask('architect payments');
    expect(role).toBe('infrastructure-architect');
    expect(names[0]).toBe('payments-api');
    expect(matches.find(m => m.summary.name === 'payments-api')?.why).toBe(
      'Its owner is Payments.',
    );
  });

  it('keeps a question made only of question words', () => {
    expect(parseQuery('owner').terms).toEqual(['owner']);
  });
});

describe('SearchIndex', () => {
  const word = fc.constantFrom(
    'payments',
    'pay',
    'search',
    'team-3',
    'api',
    'jane',
    'doe',
    'ledger',
    'ü',
    'a_b',
  );
  const text = fc
    .array(word, { maxLength: 3 })
    .chain(words => fc.constantFrom(' ', '-', '.').map(sep => words.join(sep)));
  const summary = fc
    .record({
      name: word,
      title: fc.option(text, { nil: undefined }),
      description: fc.option(text, { nil: undefined }),
      owner: fc.option(
        word.map(w => `group:default/${w}`),
        { nil: undefined },
      ),
      system: fc.option(word, { nil: undefined }),
      tags: fc.array(word, { maxLength: 2 }),
      people: fc.array(
        fc.record({
          ref: word.map(w => `user:default/${w}`),
          displayName: text,
          as: fc.constant('SLO guard'),
        }),
        { maxLength: 2 },
      ),
    })
    .map(overrides => aSummary(overrides));

  // Half the queries are a summary's own title, name, owner or person,
  // split as a person would type it, so exact-name and team matches occur.
  const queryFor = (summaries: IndexSummary[], pick: number) => {
    const s = summaries[pick % summaries.length];
    const phrases = [
      s.title,
      s.name,
      s.owner?.replace(/^group:default\//, ''),
      s.people[0]?.displayName,
    ].filter((p): p is string => !!p);
    return (phrases[pick % phrases.length] ?? s.name)
      .toLocaleLowerCase('en-US')
      .split(' ')
      .filter(Boolean);
  };

  it('ranks exactly what a scan of every entity ranks', () => {
    fc.assert(
      fc.property(
        // The index holds one row per entity ref.
        fc.uniqueArray(summary, {
          selector: s => s.entityRef,
          minLength: 1,
          maxLength: 12,
        }),
        fc.array(word, { minLength: 1, maxLength: 3 }),
        fc.nat(),
        fc.boolean(),
        (summaries, words, pick, typed) => {
          const terms = typed ? queryFor(summaries, pick) : words;
          fc.pre(terms.length > 0);
          expect(new SearchIndex(summaries).rank(terms)).toEqual(
            rankEntities(summaries, terms),
          );
        },
      ),
      { numRuns: 500 },
    );
  });

  it('finds a slug typed with some of its dashes kept', () => {
    const summaries = [
      aSummary({ name: 'payments', title: 'search-team-3-jane' }),
    ];
    expect(
      new SearchIndex(summaries)
        .rank(['search', 'team-3', 'jane'])
        .map(m => m.match),
    ).toEqual(['name']);
  });

  it('leaves out what the caller may not read', () => {
    const summaries = [
      aSummary({ name: 'payments' }),
      aSummary({ name: 'billing', owner: 'group:default/payments' }),
    ];
    expect(
      new SearchIndex(summaries)
        .rank(['payments'], s => s.name !== 'payments')
        .map(m => m.summary.name),
    ).toEqual(['billing']);
  });
});
