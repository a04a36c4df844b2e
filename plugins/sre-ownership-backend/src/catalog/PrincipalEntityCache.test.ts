import { mockCredentials } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { PrincipalEntityCache } from './PrincipalEntityCache';

const aUser = (name: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'User',
  metadata: { name },
  spec: {},
});

describe('PrincipalEntityCache', () => {
  afterEach(() => jest.useRealTimers());

  it('gives each caller only what they read themselves', () => {
    const cache = new PrincipalEntityCache();
    const alice = mockCredentials.user('user:default/alice');
    const bob = mockCredentials.user('user:default/bob');
    cache.remember(
      alice,
      new Map([['user:default/mei-lin', aUser('mei-lin')]]),
    );
    expect([...cache.get(alice).keys()]).toEqual(['user:default/mei-lin']);
    expect(cache.get(bob).size).toBe(0);
    expect(cache.get(mockCredentials.service('plugin:catalog')).size).toBe(0);
  });

  it('remembers that a ref does not exist', () => {
    const cache = new PrincipalEntityCache();
    const alice = mockCredentials.user('user:default/alice');
    cache.remember(alice, new Map([['user:default/ghost', null]]));
    expect(cache.get(alice).get('user:default/ghost')).toBeNull();
  });

  it('forgets after the time to live', () => {
    jest.useFakeTimers({ now: new Date('2026-03-01T00:00:00Z') });
    const cache = new PrincipalEntityCache({
      ttlMs: 30_000,
      maxPrincipals: 10,
    });
    const alice = mockCredentials.user('user:default/alice');
    cache.remember(
      alice,
      new Map([['user:default/mei-lin', aUser('mei-lin')]]),
    );
    jest.advanceTimersByTime(29_000);
    expect(cache.get(alice).size).toBe(1);
    jest.advanceTimersByTime(2_000);
    expect(cache.get(alice).size).toBe(0);
  });

  it('drops the oldest caller when full', () => {
    const cache = new PrincipalEntityCache({ ttlMs: 30_000, maxPrincipals: 2 });
    const callers = ['a', 'b', 'c'].map(n =>
      mockCredentials.user(`user:default/${n}`),
    );
    callers.forEach(c =>
      cache.remember(c, new Map([['user:default/x', aUser('x')]])),
    );
    expect(callers.map(c => cache.get(c).size)).toEqual([0, 1, 1]);
  });

  it('hands out copies, so a request cannot change what others see', () => {
    const cache = new PrincipalEntityCache();
    const alice = mockCredentials.user('user:default/alice');
    cache.remember(
      alice,
      new Map([['user:default/mei-lin', aUser('mei-lin')]]),
    );
    cache.get(alice).delete('user:default/mei-lin');
    expect(cache.get(alice).size).toBe(1);
  });
});
