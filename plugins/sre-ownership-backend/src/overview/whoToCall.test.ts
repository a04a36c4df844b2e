import { IndexSummary } from './indexEntry';
import { parseQuery, rankEntities } from './whoToCall';

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
    expect(match.why).toBe(
      'Jane Doe (user:default/jane-doe) is its SLO guard.',
    );
  });

  it('requires every word to match', () => {
    expect(rankEntities(catalog, ['payments', 'search'])).toEqual([]);
  });
});
