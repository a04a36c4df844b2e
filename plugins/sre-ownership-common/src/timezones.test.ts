import { Entity } from '@backstage/catalog-model';
import { resolvePersonTimezone } from './timezones';

function entity(kind: string, name: string, timezone?: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind,
    metadata: {
      name,
      namespace: 'edge',
      ...(timezone
        ? { annotations: { 'sre-ownership.io/timezone': timezone } }
        : {}),
    },
  };
}

describe('resolvePersonTimezone', () => {
  const group = entity('Group', 'alpha', 'Europe/Berlin');

  it("takes the User's zone first, for members and non-members alike", () => {
    expect(
      resolvePersonTimezone({
        user: entity('User', 'tokyo', 'Asia/Tokyo'),
        group,
        defaultTimezone: 'UTC',
      }),
    ).toEqual({ timezone: 'Asia/Tokyo', source: 'user', problems: [] });
  });

  it('falls back to the Group being viewed, then to the configured default', () => {
    expect(
      resolvePersonTimezone({
        user: entity('User', 'ana'),
        group,
        defaultTimezone: 'UTC',
      }),
    ).toMatchObject({ timezone: 'Europe/Berlin', source: 'group' });
    expect(
      resolvePersonTimezone({ user: null, defaultTimezone: 'America/Chicago' }),
    ).toMatchObject({ timezone: 'America/Chicago', source: 'config' });
  });

  it('reports an unknown zone, naming the user and the annotation', () => {
    const result = resolvePersonTimezone({
      user: entity('User', 'mars', 'Mars/Olympus'),
      group,
      defaultTimezone: 'UTC',
    });
    expect(result.timezone).toBe('Europe/Berlin');
    expect(result.problems).toEqual([
      {
        entityRef: 'user:edge/mars',
        annotation: 'sre-ownership.io/timezone',
        value: 'Mars/Olympus',
        message:
          'is not an IANA time zone, so local hours are read in Europe/Berlin (from group:edge/alpha) instead; use a name such as Europe/London or America/New_York',
        severity: 'error',
      },
    ]);
  });
});
