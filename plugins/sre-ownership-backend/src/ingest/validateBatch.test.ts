import { validateBatch } from './validateBatch';

const aShift = (overrides: object = {}) => ({
  source: 'api',
  externalId: 's-1',
  teamRef: 'group:default/payments',
  userRef: 'user:default/jane-doe',
  startsAt: '2026-03-02T09:00:00Z',
  endsAt: '2026-03-09T09:00:00Z',
  ...overrides,
});
const aPage = (overrides: object = {}) => ({
  source: 'api',
  externalId: 'p-1',
  entityRef: 'component:default/payments-api',
  severity: 'high',
  triggeredAt: '2026-03-03T02:00:00+01:00',
  ...overrides,
});
const aToilEntry = (overrides: object = {}) => ({
  source: 'api',
  externalId: 't-1',
  teamRef: 'group:default/payments',
  userRef: 'user:default/jane-doe',
  startedAt: '2026-03-04T10:00:00Z',
  minutes: 45,
  ...overrides,
});

const rejection = (body: unknown) => {
  try {
    validateBatch(body);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected the batch to be rejected');
};

describe('validateBatch', () => {
  it('accepts a well-formed batch as it is', () => {
    const body = { shifts: [aShift()], pages: [aPage()], toil: [aToilEntry()] };
    expect(validateBatch(body)).toEqual(body);
  });

  it.each([
    [
      { pages: [aPage(), aPage({ severity: 'sev1' })] },
      'pages[1].severity: "sev1" is not one of critical, high, medium, low',
    ],
    [
      { shifts: [aShift({ endsAt: '2026-03-01T09:00:00Z' })] },
      'shifts[0].endsAt: must be after shifts[0].startsAt',
    ],
    [
      { shifts: [aShift({ startsAt: 'monday' })] },
      'shifts[0].startsAt: "monday" is not a real time in RFC 3339 form with an offset',
    ],
    [
      { shifts: [aShift({ startsAt: '2026-03-02T09:00:00' })] },
      'shifts[0].startsAt: "2026-03-02T09:00:00" is not a real time in RFC 3339 form with an offset',
    ],
    [
      { shifts: [aShift({ userRef: 'group:default/payments' })] },
      'shifts[0].userRef: "group:default/payments" must be a user ref',
    ],
    [
      { shifts: [aShift({ teamRef: 'payments' })] },
      'shifts[0].teamRef: "payments" is not a full entity ref such as group:default/name',
    ],
    [
      { pages: [aPage({ acknowledgedAt: '2026-03-03T00:00:00Z' })] },
      'pages[0].acknowledgedAt: must not be before pages[0].triggeredAt',
    ],
    [
      { pages: [aPage({ entityRef: undefined })] },
      'pages[0].entityRef: a page needs an entityRef or a teamRef',
    ],
    [
      { pages: [aPage({ externalId: '' })] },
      'pages[0].externalId: must be a non-empty string',
    ],
    [
      { toil: [aToilEntry({ minutes: 0 })] },
      'toil[0].minutes: "0" must be a whole number of minutes from 1 to 1440',
    ],
    [
      { toil: [aToilEntry({ minutes: 12.5 })] },
      'toil[0].minutes: "12.5" must be a whole number',
    ],
    [{ toil: ['nope'] }, 'toil[0]: must be an object'],
    [{ pages: 'all of them' }, 'pages: must be an array'],
  ])('rejects %j naming the record and field', (body, message) => {
    expect(rejection(body)).toContain(message);
    expect(rejection(body)).toMatch(
      /^Rejected the whole delivery, nothing was stored: /,
    );
  });

  it('refuses values wider than their database column', () => {
    expect(rejection({ pages: [aPage({ source: 'x'.repeat(65) })] })).toContain(
      'pages[0].source: is 65 characters long; at most 64 fit',
    );
    expect(
      rejection({ pages: [aPage({ externalId: 'x'.repeat(513) })] }),
    ).toContain('pages[0].externalId: is 513 characters long; at most 512 fit');
  });

  it('lists every bad record, not only the first', () => {
    const message = rejection({
      pages: [aPage({ severity: 'x' }), aPage(), aPage({ triggeredAt: 'x' })],
    });
    expect(message).toContain('pages[0].severity');
    expect(message).toContain('pages[2].triggeredAt');
    expect(message).not.toContain('pages[1]');
  });

  it('refuses an empty batch and a body that is not an object', () => {
    expect(rejection({})).toBe(
      'The batch is empty: send at least one of shifts, pages or toil',
    );
    expect(rejection([aPage()])).toBe(
      'The body must be an object with shifts, pages and/or toil arrays',
    );
  });
});
