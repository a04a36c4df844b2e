import { ConfigReader } from '@backstage/config';
import { readSreOwnershipConfig } from './config';

const read = (sreOwnership: object) =>
  readSreOwnershipConfig(new ConfigReader({ sreOwnership }));

describe('readSreOwnershipConfig', () => {
  it('reads defaults, normalising the platform team ref', () => {
    expect(
      read({
        defaults: { model: 'hybrid', platformTeam: 'platform-sre' },
        responsibilities: { hybrid: { capacity: 'platform' } },
        escalation: { derivedStepMinutes: 10 },
      }).defaults,
    ).toEqual({
      model: 'hybrid',
      platformTeam: 'group:default/platform-sre',
      responsibilities: { hybrid: { capacity: 'platform' } },
      derivedEscalationStepMinutes: 10,
    });
  });

  it('works with no configuration at all', () => {
    expect(readSreOwnershipConfig(new ConfigReader({})).defaults).toEqual({
      responsibilities: undefined,
      derivedEscalationStepMinutes: 15,
    });
  });

  it('reads every part of sreOwnership in one place, so a mistake anywhere stops the start', () => {
    const config = read({
      overview: { onCallCacheTtl: { seconds: 0 } },
      notifications: { enabled: true },
    });
    expect(config.overview.onCallCacheTtlMs).toBe(0);
    expect(config.overview.permissionCacheTtlMs).toBe(10_000);
    expect(config.notifications.enabled).toBe(true);
    expect(config.prometheus.instances).toEqual([]);
    expect(() => read({ overview: { onCallCacheTtl: 'soon' } })).toThrow(
      'Invalid app-config: sreOwnership.overview.onCallCacheTtl is not a duration',
    );
  });

  it('reads schedule feeds, normalising team refs, and the sync frequency', () => {
    const config = read({
      schedules: [
        {
          name: 'payments',
          url: 'webcal://acme.pagerduty.com/x.ics',
          team: 'payments',
        },
        {
          name: 'search',
          url: 'file:rotas/search.ics',
          team: 'group:tokyo/search',
        },
      ],
      scheduleSync: { frequency: 'PT5M' },
    });
    expect(config.schedules).toEqual([
      {
        name: 'payments',
        url: 'webcal://acme.pagerduty.com/x.ics',
        teamRef: 'group:default/payments',
      },
      {
        name: 'search',
        url: 'file:rotas/search.ics',
        teamRef: 'group:tokyo/search',
      },
    ]);
    expect(config.scheduleSync.frequency).toEqual({ minutes: 5 });
  });

  it('has no schedule feeds and syncs every 15 minutes by default', () => {
    const config = readSreOwnershipConfig(new ConfigReader({}));
    expect(config.schedules).toEqual([]);
    expect(config.scheduleSync).toEqual({ frequency: { minutes: 15 } });
  });

  const feed = { name: 'payments', url: 'https://x/y.ics', team: 'payments' };

  it.each([
    [
      { schedules: [{ ...feed, team: 'user:jane-doe' }] },
      'sreOwnership.schedules[0].team "user:jane-doe" is not a Group ref',
    ],
    [
      { schedules: [{ ...feed, team: 'group:' }] },
      'sreOwnership.schedules[0].team "group:" is not a Group ref',
    ],
    [
      { schedules: [{ name: 'payments', url: 'https://x/y.ics' }] },
      'sreOwnership.schedules[0].team is required',
    ],
    [
      { schedules: [{ ...feed, url: ' ' }] },
      'sreOwnership.schedules[0].url is required',
    ],
    [
      { schedules: [feed, feed] },
      'sreOwnership.schedules[1].name "payments" is used twice',
    ],
    [
      { schedules: [{ ...feed, summaryPattern: '^On call: (?<person>.+' }] },
      'sreOwnership.schedules[0].summaryPattern is not a regular expression',
    ],
    [
      { schedules: [{ ...feed, summaryPattern: '^On call: (.+)$' }] },
      'sreOwnership.schedules[0].summaryPattern has no (?<person>...) group',
    ],
    [
      { schedules: [{ ...feed, name: '  ' }] },
      'sreOwnership.schedules[0].name is required',
    ],
    [
      { scheduleSync: { frequency: 'often' } },
      'sreOwnership.scheduleSync.frequency is not a duration',
    ],
    [
      { scheduleSync: { frequency: { minutes: 0 } } },
      'sreOwnership.scheduleSync.frequency must be longer than zero',
    ],
  ])('refuses schedule settings %j naming the key', (config, message) => {
    expect(() => read(config)).toThrow(`Invalid app-config: ${message}`);
  });

  it.each([
    [
      { defaults: { model: 'central' } },
      'sreOwnership.defaults.model "central" is not an ownership model',
    ],
    [
      { defaults: { platformTeam: 'group:' } },
      'sreOwnership.defaults.platformTeam "group:" is not an entity ref',
    ],
    [
      { responsibilities: { central: {} } },
      'sreOwnership.responsibilities.central names no ownership model',
    ],
    [
      { responsibilities: { hybrid: { coffee: 'platform' } } },
      'sreOwnership.responsibilities.hybrid.coffee is not an area',
    ],
    [
      { responsibilities: { hybrid: { capacity: 'nobody' } } },
      'sreOwnership.responsibilities.hybrid.capacity "nobody" is not a provider',
    ],
    [
      { escalation: { derivedStepMinutes: 0 } },
      'sreOwnership.escalation.derivedStepMinutes must be a positive number',
    ],
  ])('refuses %j naming the key', (config, message) => {
    expect(() => read(config)).toThrow(`Invalid app-config: ${message}`);
  });
});
