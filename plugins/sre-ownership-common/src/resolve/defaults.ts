import { OwnershipModel } from '../model';
import { Sourced } from '../resolved';
import { ResponsibilityMatrix } from '../responsibilities';

/**
 * Organisation-wide defaults from app-config (`sreOwnership.*`).
 *
 * @public
 */
export interface OwnershipDefaults {
  model?: OwnershipModel;
  platformTeam?: string;
  responsibilities?: Partial<
    Record<OwnershipModel, Partial<ResponsibilityMatrix>>
  >;
  /** Minutes between the levels of a derived escalation path. */
  derivedEscalationStepMinutes?: number;
}

/**
 * Minutes between the levels of a derived escalation path when
 * `sreOwnership.defaults.derivedEscalationStepMinutes` is not set.
 *
 * @public
 */
export const DEFAULT_DERIVED_ESCALATION_STEP_MINUTES = 15;

/** A default from app-config, recorded as coming from its config key. */
export function configSourced<T>(
  value: T | undefined,
  key: string,
): Sourced<T> | undefined {
  return value === undefined
    ? undefined
    : { value, source: { type: 'config', key } };
}
