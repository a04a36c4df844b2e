import { formatDelay, parseDelayMinutes } from './escalation';

describe('parseDelayMinutes', () => {
  it.each([
    ['15m', 15],
    ['1h', 60],
    ['1h30m', 90],
    ['1h 30m', 90],
    ['2h5m30s', 125.5],
    ['90s', 1.5],
    ['0m', 0],
    ['  10M ', 10],
    ['1H', 60],
  ])('reads %j as %d minutes', (text, minutes) => {
    expect(parseDelayMinutes(text)).toBe(minutes);
  });

  it.each([
    [''],
    ['15'],
    ['m'],
    ['15 minutes'],
    ['15min'],
    ['1.5h'],
    ['-5m'],
    ['30m1h'],
    ['soon'],
  ])('rejects %j', text => {
    expect(parseDelayMinutes(text)).toBeUndefined();
  });
});

describe('formatDelay', () => {
  it.each([
    [0, 'immediately'],
    [5, '5m'],
    [60, '1h'],
    [90, '1h 30m'],
    [125.5, '2h 5m 30s'],
    [1.5, '1m 30s'],
    [0.5, '30s'],
    [61 + 1 / 60, '1h 1m 1s'],
  ])('formats %d minutes as %j', (minutes, text) => {
    expect(formatDelay(minutes)).toBe(text);
  });

  it('rounds to whole seconds before splitting, never showing 60s', () => {
    expect(formatDelay(59.999)).toBe('1h');
    expect(formatDelay(0.9999)).toBe('1m');
  });

  it('says immediately for a delay that rounds to no seconds', () => {
    expect(formatDelay(0.001)).toBe('immediately');
  });

  it('round-trips what parseDelayMinutes reads', () => {
    for (const text of ['15m', '1h', '1h 30m', '2h 5m 30s', '45s']) {
      expect(formatDelay(parseDelayMinutes(text)!)).toBe(text);
    }
  });
});
