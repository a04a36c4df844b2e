import { Config } from '@backstage/config';
import { durationToMilliseconds, HumanDuration } from '@backstage/types';
import {
  invalidAppConfig,
  TierRules,
} from '@sre-ownership/plugin-sre-ownership-common';
import { readOptionalDuration } from '../appConfig/readDuration';

/** Settings of the reliability overview, read once from app-config. */
export interface OverviewSettings {
  /** How often the index is compared with the catalog. */
  refreshFrequency: HumanDuration;
  /** How long one caller's catalog read decision (and readable set) is reused. */
  permissionCacheTtlMs: number;
  /** How long a team's shifts around now are reused to say who is on call. */
  onCallCacheTtlMs: number;
  /** Tiers in the order written, with their rules. */
  tiers: Array<{ name: string; rules: TierRules }>;
  /** The tier of an entity that names none. */
  defaultTier: string;
}

const RULE_KEYS: Array<keyof TierRules> = [
  'minEscalationLevels',
  'specialistBackups',
  'onCallSource',
  'reliabilityOwner',
  'modelDeclared',
];

function readRules(tier: Config, key: string): TierRules {
  const rules: TierRules = {};
  for (const rule of tier.keys()) {
    if (!RULE_KEYS.includes(rule as keyof TierRules)) {
      invalidAppConfig(
        `${key}.${rule}`,
        `is not a tier rule; use ${RULE_KEYS.join(', ')}`,
      );
    }
  }
  const levels = tier.getOptionalNumber('minEscalationLevels');
  if (levels !== undefined) {
    if (!Number.isInteger(levels) || levels < 1) {
      invalidAppConfig(
        `${key}.minEscalationLevels`,
        'must be a whole number of at least 1',
      );
    }
    rules.minEscalationLevels = levels;
  }
  for (const flag of [
    'specialistBackups',
    'onCallSource',
    'reliabilityOwner',
    'modelDeclared',
  ] as const) {
    const value = tier.getOptionalBoolean(flag);
    if (value !== undefined) rules[flag] = value;
  }
  return rules;
}

/**
 * Reads `sreOwnership.overview.*`. A mistake stops the backend at start with
 * the key and the fix.
 */
export function readOverviewSettings(config: Config): OverviewSettings {
  const base = 'sreOwnership.overview';
  const section = config.getOptionalConfig(`${base}.tiers`);
  const tiers = (section?.keys() ?? []).map(name => ({
    name,
    rules: readRules(section!.getConfig(name), `${base}.tiers.${name}`),
  }));
  const defaultTier =
    config.getOptionalString(`${base}.defaultTier`) ??
    tiers[tiers.length - 1]?.name ??
    'untiered';
  if (tiers.length && !tiers.some(tier => tier.name === defaultTier)) {
    invalidAppConfig(
      `${base}.defaultTier`,
      `"${defaultTier}" is not one of the tiers; use one of ${tiers
        .map(tier => tier.name)
        .join(', ')}`,
    );
  }
  return {
    refreshFrequency: readOptionalDuration(config, `${base}.refreshFrequency`, {
      fallback: {
        seconds: 30,
      },
    }),
    permissionCacheTtlMs: durationToMilliseconds(
      readOptionalDuration(config, `${base}.permissionCacheTtl`, {
        fallback: { seconds: 10 },
      }),
    ),
    onCallCacheTtlMs: durationToMilliseconds(
      readOptionalDuration(config, `${base}.onCallCacheTtl`, {
        fallback: { seconds: 5 },
        zeroAllowed: true,
      }),
    ),
    tiers: tiers.length ? tiers : [{ name: defaultTier, rules: {} }],
    defaultTier,
  };
}
