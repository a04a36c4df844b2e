import { Config, ConfigReader } from '@backstage/config';
import { HumanDuration } from '@backstage/types';
import { invalidAppConfigUnder } from '@sre-ownership/plugin-sre-ownership-common';
import { readOptionalDuration } from '../appConfig/readDuration';

/** The scheduled SLO evaluation and the guard's view, from `sreOwnership.slos`. */
export interface SloEvaluationSettings {
  /** How often every declared SLO is measured and stored. */
  frequency: HumanDuration;
  /** SLOs with less than this share of their budget left are listed as low. */
  budgetThreshold: number;
  /** Tiers whose services should declare an SLO. */
  requiredTiers: string[];
}

const PREFIX = 'sreOwnership.slos';
const DEFAULT_BUDGET_THRESHOLD = 0.25;

/**
 * Reads `sreOwnership.slos`. `tiers` are the tier names of
 * `sreOwnership.overview.tiers`, in order: the first is the default
 * required tier, and a required tier must be one of them.
 */
export function readSloEvaluationSettings(
  root: Config,
  tiers: string[],
): SloEvaluationSettings {
  const config = root.getOptionalConfig(PREFIX) ?? new ConfigReader({});
  const fail = invalidAppConfigUnder(PREFIX);
  const budgetThreshold =
    config.getOptionalNumber('budgetThreshold') ?? DEFAULT_BUDGET_THRESHOLD;
  if (!(budgetThreshold > 0 && budgetThreshold <= 1)) {
    fail(
      'budgetThreshold',
      `is ${budgetThreshold}; write a share of the budget above 0 and at most 1, e.g. 0.25`,
    );
  }
  const requiredTiers =
    config.getOptionalStringArray('requiredTiers') ?? tiers.slice(0, 1);
  for (const [index, tier] of requiredTiers.entries()) {
    if (!tiers.includes(tier)) {
      fail(
        `requiredTiers[${index}]`,
        `"${tier}" is not a tier of sreOwnership.overview.tiers (${
          tiers.join(', ') || 'none configured'
        })`,
      );
    }
  }
  return {
    frequency: readOptionalDuration(config, 'evaluationFrequency', {
      fallback: { minutes: 1 },
      fail,
    }),
    budgetThreshold,
    requiredTiers,
  };
}
