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
