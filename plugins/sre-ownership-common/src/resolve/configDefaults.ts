import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { isOwnershipModel, OWNERSHIP_MODELS } from '../model';
import { invalidAppConfig } from '../config';
import {
  isResponsibilityArea,
  isResponsibilityProvider,
  RESPONSIBILITY_AREAS,
  RESPONSIBILITY_PROVIDERS,
  ResponsibilityMatrix,
} from '../responsibilities';
import {
  DEFAULT_DERIVED_ESCALATION_STEP_MINUTES,
  OwnershipDefaults,
} from './defaults';

/**
 * The part of Backstage's `Config` the ownership defaults are read from; a
 * `Config` from `@backstage/config` is one.
 *
 * @public
 */
export interface OwnershipConfigReader {
  getOptionalString(key: string): string | undefined;
  getOptionalNumber(key: string): number | undefined;
  getOptionalConfig(key: string): OwnershipConfigReader | undefined;
  getConfig(key: string): OwnershipConfigReader;
  getString(key: string): string;
  keys(): string[];
}

function readResponsibilities(
  config: OwnershipConfigReader,
): OwnershipDefaults['responsibilities'] {
  const section = config.getOptionalConfig('sreOwnership.responsibilities');
  if (!section) return undefined;
  const result: NonNullable<OwnershipDefaults['responsibilities']> = {};
  for (const model of section.keys()) {
    const key = `sreOwnership.responsibilities.${model}`;
    if (!isOwnershipModel(model)) {
      invalidAppConfig(
        key,
        `names no ownership model; use one of ${OWNERSHIP_MODELS.join(', ')}`,
      );
    }
    const cells: Partial<ResponsibilityMatrix> = {};
    const matrix = section.getConfig(model);
    for (const area of matrix.keys()) {
      const provider = matrix.getString(area);
      if (!isResponsibilityArea(area)) {
        invalidAppConfig(
          `${key}.${area}`,
          `is not an area; use one of ${RESPONSIBILITY_AREAS.join(', ')}`,
        );
      }
      if (!isResponsibilityProvider(provider)) {
        invalidAppConfig(
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

function readPlatformTeam(config: OwnershipConfigReader): string | undefined {
  const key = 'sreOwnership.defaults.platformTeam';
  const team = config.getOptionalString(key);
  if (team === undefined) return undefined;
  try {
    return stringifyEntityRef(
      parseEntityRef(team, {
        defaultKind: 'Group',
        defaultNamespace: 'default',
      }),
    );
  } catch {
    return invalidAppConfig(
      key,
      `"${team}" is not an entity ref; write it as group:default/platform-sre`,
    );
  }
}

/**
 * Reads and validates the organisation-wide ownership defaults
 * (`sreOwnership.defaults`, `sreOwnership.responsibilities` and
 * `sreOwnership.escalation.derivedStepMinutes`). The backend and the catalog
 * module both read them here, so the card and the catalog relations resolve
 * against the same defaults. A mistake throws with the key and the fix.
 *
 * @public
 */
export function readOwnershipDefaults(
  config: OwnershipConfigReader,
): OwnershipDefaults {
  const model = config.getOptionalString('sreOwnership.defaults.model');
  if (model !== undefined && !isOwnershipModel(model)) {
    invalidAppConfig(
      'sreOwnership.defaults.model',
      `"${model}" is not an ownership model; use one of ${OWNERSHIP_MODELS.join(
        ', ',
      )}`,
    );
  }
  const platformTeam = readPlatformTeam(config);
  const step = config.getOptionalNumber(
    'sreOwnership.escalation.derivedStepMinutes',
  );
  if (step !== undefined && !(step > 0)) {
    invalidAppConfig(
      'sreOwnership.escalation.derivedStepMinutes',
      'must be a positive number of minutes',
    );
  }
  return {
    ...(model ? { model } : {}),
    ...(platformTeam ? { platformTeam } : {}),
    responsibilities: readResponsibilities(config),
    derivedEscalationStepMinutes:
      step ?? DEFAULT_DERIVED_ESCALATION_STEP_MINUTES,
  };
}
