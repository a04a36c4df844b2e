import { Config } from '@backstage/config';
import {
  OWNERSHIP_MODELS,
  OwnershipDefaults,
  RESPONSIBILITY_AREAS,
  RESPONSIBILITY_PROVIDERS,
  ResponsibilityMatrix,
  isOwnershipModel,
  isResponsibilityArea,
  isResponsibilityProvider,
} from '@sre-ownership/plugin-sre-ownership-common';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';

/** Settings of the plugin, read once from app-config. */
export interface SreOwnershipConfig {
  defaults: OwnershipDefaults;
}

function fail(key: string, message: string): never {
  throw new Error(`Invalid app-config: ${key} ${message}`);
}

function readResponsibilities(
  config: Config,
): OwnershipDefaults['responsibilities'] {
  const section = config.getOptionalConfig('sreOwnership.responsibilities');
  if (!section) return undefined;
  const result: NonNullable<OwnershipDefaults['responsibilities']> = {};
  for (const model of section.keys()) {
    const key = `sreOwnership.responsibilities.${model}`;
    if (!isOwnershipModel(model)) {
      fail(
        key,
        `names no ownership model; use one of ${OWNERSHIP_MODELS.join(', ')}`,
      );
    }
    const cells: Partial<ResponsibilityMatrix> = {};
    const matrix = section.getConfig(model);
    for (const area of matrix.keys()) {
      const provider = matrix.getString(area);
      if (!isResponsibilityArea(area)) {
        fail(
          `${key}.${area}`,
          `is not an area; use one of ${RESPONSIBILITY_AREAS.join(', ')}`,
        );
      }
      if (!isResponsibilityProvider(provider)) {
        fail(
          `${key}.${area}`,
          `"${provider}" is not a provider; use one of ${RESPONSIBILITY_PROVIDERS.join(
            ', ',
          )}`,
        );
      }
      cells[area] = provider;
    }
    result[model] = cells;
  }
  return result;
}

/**
 * Reads and validates `sreOwnership.*`; a mistake stops the backend at start
 * with the key and the fix rather than showing wrong owners later.
 */
export function readSreOwnershipConfig(config: Config): SreOwnershipConfig {
  const model = config.getOptionalString('sreOwnership.defaults.model');
  if (model !== undefined && !isOwnershipModel(model)) {
    fail(
      'sreOwnership.defaults.model',
      `"${model}" is not an ownership model; use one of ${OWNERSHIP_MODELS.join(
        ', ',
      )}`,
    );
  }
  const team = config.getOptionalString('sreOwnership.defaults.platformTeam');
  let platformTeam: string | undefined;
  if (team !== undefined) {
    try {
      platformTeam = stringifyEntityRef(
        parseEntityRef(team, {
          defaultKind: 'Group',
          defaultNamespace: 'default',
        }),
      );
    } catch {
      fail(
        'sreOwnership.defaults.platformTeam',
        `"${team}" is not an entity ref; write it as group:default/platform-sre`,
      );
    }
  }
  const step = config.getOptionalNumber(
    'sreOwnership.escalation.derivedStepMinutes',
  );
  if (step !== undefined && !(step > 0)) {
    fail(
      'sreOwnership.escalation.derivedStepMinutes',
      'must be a positive number of minutes',
    );
  }
  return {
    defaults: {
      ...(model ? { model } : {}),
      ...(platformTeam ? { platformTeam } : {}),
      responsibilities: readResponsibilities(config),
      derivedEscalationStepMinutes: step ?? 15,
    },
  };
}
