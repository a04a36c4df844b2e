import { Config, ConfigReader } from '@backstage/config';
import { HumanDuration, durationToMilliseconds } from '@backstage/types';
import { invalidAppConfigUnder } from '@sre-ownership/plugin-sre-ownership-common';
import { readOptionalDuration } from '../appConfig/readDuration';

/** The kinds of notification; each is a topic users can mute. */
export type NotificationKind = 'burden' | 'coverage' | 'specialists' | 'slo';

/** The notification topic of each kind. */
export const NOTIFICATION_TOPICS: Record<NotificationKind, string> = {
  burden: 'sre-ownership.burden',
  coverage: 'sre-ownership.coverage',
  specialists: 'sre-ownership.specialists',
  slo: 'sre-ownership.slo',
};

/** How and when notifications are sent, from `sreOwnership.notifications`. */
export interface NotifySettings {
  enabled: boolean;
  /** How often the evaluation runs. */
  frequency: HumanDuration;
  /** A scope notified less than this long ago is not notified again yet. */
  quietPeriodMs: number;
  kinds: Record<NotificationKind, boolean>;
  burden: {
    /** The team status that is worth a notification. */
    minimumStatus: 'at-risk' | 'overloaded';
    /** Tell an engineer when they cross one of their limits. */
    personalLimits: boolean;
  };
  specialists: {
    /** Notify when a role has fewer holders than this (1 or 2). */
    minimumHolders: 1 | 2;
  };
}

const PREFIX = 'sreOwnership.notifications';

/** Names the key under this section in every refusal. */
const fail: (key: string, problem: string) => never =
  invalidAppConfigUnder(PREFIX);

function oneOf<T extends string>(
  config: Config,
  key: string,
  allowed: readonly T[],
  fallback: T,
): T {
  const value = config.getOptionalString(key) ?? fallback;
  if (!(allowed as readonly string[]).includes(value)) {
    fail(key, `"${value}" must be one of ${allowed.join(', ')}`);
  }
  return value as T;
}

/**
 * Reads and validates `sreOwnership.notifications`. Off unless `enabled` is
 * true, because it needs the notifications backend to be installed.
 */
export function readNotifySettings(root: Config): NotifySettings {
  const config = root.getOptionalConfig(PREFIX) ?? new ConfigReader({});
  const kindEnabled = (kind: NotificationKind) =>
    config.getOptionalBoolean(`${kind}.enabled`) ?? true;
  const minimumHolders =
    config.getOptionalNumber('specialists.minimumHolders') ?? 2;
  if (minimumHolders !== 1 && minimumHolders !== 2) {
    fail('specialists.minimumHolders', 'must be 1 or 2');
  }
  return {
    enabled: config.getOptionalBoolean('enabled') ?? false,
    frequency: readOptionalDuration(config, 'frequency', {
      fallback: { minutes: 15 },
      fail,
    }),
    quietPeriodMs: durationToMilliseconds(
      readOptionalDuration(config, 'quietPeriod', {
        fallback: { minutes: 0 },
        zeroAllowed: true,
        example: { minutes: 15 },
        fail,
      }),
    ),
    kinds: {
      burden: kindEnabled('burden'),
      coverage: kindEnabled('coverage'),
      specialists: kindEnabled('specialists'),
      slo: kindEnabled('slo'),
    },
    burden: {
      minimumStatus: oneOf(
        config,
        'burden.minimumStatus',
        ['at-risk', 'overloaded'] as const,
        'at-risk',
      ),
      personalLimits:
        config.getOptionalBoolean('burden.personalLimits') ?? true,
    },
    specialists: { minimumHolders },
  };
}
