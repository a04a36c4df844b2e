import { Config } from '@backstage/config';
import { HumanDuration } from '@backstage/types';
import {
  OwnershipDefaults,
  invalidAppConfig,
  readOwnershipDefaults,
} from '@sre-ownership/plugin-sre-ownership-common';
import { BurdenSettings, readBurdenSettings } from './burden/burdenConfig';
import { PulseSettings, readPulseSettings } from './pulse/pulseConfig';
import {
  OverviewSettings,
  readOverviewSettings,
} from './reliabilityIndex/overviewConfig';
import { NotifySettings, readNotifySettings } from './notify/notifyConfig';
import {
  PrometheusSettings,
  readPrometheusSettings,
} from './slo/prometheusConfig';
import {
  SloEvaluationSettings,
  readSloEvaluationSettings,
} from './slo/sloEvaluationConfig';
import {
  DatabaseSettings,
  readDatabaseSettings,
} from './database/databaseConfig';
import {
  readScheduleSyncFrequency,
  readSchedules,
  ScheduleFeedConfig,
} from './schedules/scheduleConfig';

export type { ScheduleFeedConfig };

/** Settings of the plugin, read once from app-config. */
export interface SreOwnershipConfig {
  defaults: OwnershipDefaults;
  /** Schedule feeds from `sreOwnership.schedules`; Group annotations add more. */
  schedules: ScheduleFeedConfig[];
  /** How often the schedule feeds are read. */
  scheduleSync: { frequency: HumanDuration };
  /** How on-call burden is measured, from `sreOwnership.burden`. */
  burden: BurdenSettings;
  /** PagerDuty webhook signing secrets; none means the webhook refuses all. */
  pagerDuty: { webhookSecrets: string[] };
  /** The anonymous on-call pulse, from `sreOwnership.pulse`. */
  pulse: PulseSettings;
  /** The reliability overview and its index, from `sreOwnership.overview`. */
  overview: OverviewSettings;
  /** Burden notifications, from `sreOwnership.notifications`. */
  notifications: NotifySettings;
  /** Prometheus instances SLOs are read from, from `sreOwnership.prometheus`. */
  prometheus: PrometheusSettings;
  /** The scheduled SLO evaluation and the guard's view, from `sreOwnership.slos`. */
  slos: SloEvaluationSettings;
  /** How long the plugin waits on its database, from `sreOwnership.database`. */
  database: DatabaseSettings;
}

/**
 * Reads and validates `sreOwnership.*` once, at start: a mistake stops the
 * backend with the key and the fix rather than showing wrong owners later.
 */
export function readSreOwnershipConfig(config: Config): SreOwnershipConfig {
  const overview = readOverviewSettings(config);
  return {
    defaults: readOwnershipDefaults(config),
    schedules: readSchedules(config),
    scheduleSync: { frequency: readScheduleSyncFrequency(config) },
    burden: readBurdenSettings(config),
    pagerDuty: { webhookSecrets: readWebhookSecrets(config) },
    pulse: readPulseSettings(config),
    overview,
    notifications: readNotifySettings(config),
    prometheus: readPrometheusSettings(config),
    slos: readSloEvaluationSettings(
      config,
      overview.tiers.map(tier => tier.name),
    ),
    database: readDatabaseSettings(config),
  };
}

function readWebhookSecrets(config: Config): string[] {
  const key = 'sreOwnership.pagerDuty.webhookSecrets';
  const secrets = config.getOptionalStringArray(key) ?? [];
  if (secrets.some(secret => !secret.trim())) {
    invalidAppConfig(
      key,
      'must not hold an empty secret, which anyone could sign with',
    );
  }
  return secrets;
}
