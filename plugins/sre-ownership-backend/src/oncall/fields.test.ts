import { parseInstant, refProblem, textProblem } from './fields';

describe('parseInstant', () => {
  it.each([
    '2026-03-02T09:00:00Z',
    '2026-03-02T09:00Z',
    '2026-03-02T10:00:00+01:00',
    '2026-03-02T03:30:00-05:30',
    '2026-03-02T09:00:00.5Z',
    '2026-03-02T09:00:00.123456789Z',
    '2024-02-29T23:59:59Z',
    '2000-02-29T00:00:00Z',
    '1970-01-01T00:00:00Z',
    '9999-12-31T23:59:59+23:59',
  ])('reads %s as Date.parse does', value => {
    expect(parseInstant(value)).toBe(Date.parse(value));
  });

  it.each([
    ['2026-02-30T02:00:00Z', 'rolls over to 2 March'],
    ['1900-02-29T00:00:00Z', 'is no leap year'],
    ['2026-03-02T24:00:00Z', 'rolls over to the next day'],
    ['2026-03-02T09:00:00+24:00', 'is beyond any offset'],
    ['2026-03-02T09:00:00', 'has no offset'],
    ['1969-12-31T23:59:59Z', 'is before 1970'],
  ])('refuses %s, which %s', value => {
    expect(parseInstant(value)).toBeUndefined();
  });
});

describe('textProblem', () => {
  it('counts characters, not UTF-16 units, as PostgreSQL does', () => {
    expect(textProblem('😀'.repeat(64), 64)).toBeUndefined();
    expect(textProblem('😀'.repeat(65), 64)).toBe(
      'is 65 characters long; at most 64 fit',
    );
  });

  it('accepts a surrogate pair and refuses a lone surrogate', () => {
    expect(textProblem('a😀b', 10)).toBeUndefined();
    expect(textProblem('a\uD83Db', 10)).toContain('lone UTF-16 surrogate');
    expect(textProblem('a\uDE00', 10)).toContain('lone UTF-16 surrogate');
  });
});

describe('refProblem', () => {
  it('accepts full refs of the right kind, in any case of kind', () => {
    expect(refProblem('group:default/payments', 'group')).toBeUndefined();
    expect(refProblem('Group:default/payments', 'group')).toBeUndefined();
    expect(refProblem('component:default/payments-api', 'any')).toBeUndefined();
  });

  it('refuses partial and malformed refs', () => {
    for (const ref of ['group:payments', 'group:default/a/b', 'payments']) {
      expect(refProblem(ref, 'group')).toContain('is not a full entity ref');
    }
    expect(refProblem('user:default/jane', 'group')).toContain(
      'must be a group ref',
    );
  });
});
