import { resolveBurdenWindow } from './burdenWindow';

const NOW = new Date('2026-10-20T12:00:00Z');

describe('resolveBurdenWindow', () => {
  it('is the last days up to now by default', () => {
    expect(resolveBurdenWindow({}, 28, NOW)).toEqual({
      from: new Date('2026-09-22T12:00:00Z'),
      to: NOW,
      days: 28,
      endsNow: true,
    });
    expect(resolveBurdenWindow({ days: 7 }, 28, NOW).from).toEqual(
      new Date('2026-10-13T12:00:00Z'),
    );
  });

  it('takes an explicit past window of up to 366 days', () => {
    expect(
      resolveBurdenWindow(
        { from: '2026-07-01T00:00:00Z', to: '2026-10-01T00:00:00Z' },
        28,
        NOW,
      ),
    ).toEqual({
      from: new Date('2026-07-01T00:00:00Z'),
      to: new Date('2026-10-01T00:00:00Z'),
      days: 92,
      endsNow: false,
    });
    expect(
      resolveBurdenWindow(
        { from: '2025-01-01T00:00:00Z', to: '2026-01-02T00:00:00Z' },
        28,
        NOW,
      ).days,
    ).toBe(366);
  });

  it.each([
    [{ from: '2026-09-01T00:00:00Z' }, 'to: is missing'],
    [{ to: '2026-09-01T00:00:00Z' }, 'from: is missing'],
    [
      { days: 7, from: '2026-09-01T00:00:00Z', to: '2026-09-08T00:00:00Z' },
      'days: cannot be combined with from and to',
    ],
    [
      { from: 'yesterday', to: '2026-09-08T00:00:00Z' },
      'from: "yesterday" is not a real ISO 8601 date-time',
    ],
    [
      { from: '2026-09-08T00:00:00Z', to: '2026-09-08T00:00:00Z' },
      'to: must be after from (2026-09-08T00:00:00Z)',
    ],
    [
      { from: '2025-01-01T00:00:00Z', to: '2026-01-03T00:00:00Z' },
      'to: is 367 days after from; a window is at most 366 days',
    ],
    [{ days: Infinity }, 'days: must be an integer from 1 to 366'],
    [{ days: 1.5 }, 'days: must be an integer from 1 to 366'],
  ])('rejects %j', (request, message) => {
    expect(() => resolveBurdenWindow(request, 28, NOW)).toThrow(message);
  });
});
