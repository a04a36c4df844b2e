import { limitStanding } from './limitStanding';

describe('limitStanding', () => {
  it.each([
    [2.1, 2, 'over'],
    [2, 2, 'near'],
    [1.6, 2, 'near'],
    [1.59, 2, 'within'],
    [0, 0, 'within'],
    [0.3, 0.25, 'over'],
    [0.2, 0.25, 'near'],
  ] as const)('%p against a limit of %p is %s', (value, limit, standing) => {
    expect(limitStanding(value, limit)).toBe(standing);
  });
});
