import { OnCallNow } from './burden/types';
import { EscalationTargetType } from './escalation';
import { OwnershipModel } from './model';
import { OwnershipProblem } from './problems';
import { ResponsibilityArea, ResponsibilityProvider } from './responsibilities';
import { SpecialistRole } from './specialists';

/**
 * How an inherited-from entity relates to the entity being resolved.
 *
 * @public
 */
export type InheritanceRelation =
  | 'self'
  | 'system'
  | 'domain'
  | 'owner'
  | 'parent-group';

/**
 * Where a resolved value came from, so the page can say why it says what it
 * says.
 *
 * @public
 */
export type ValueSource =
  | {
      type: 'entity';
      entityRef: string;
      annotation: string;
      relation: InheritanceRelation;
    }
  | { type: 'config'; key: string }
  | { type: 'default'; description: string }
  | { type: 'derived'; description: string };

/**
 * A resolved value with its source.
 *
 * @public
 */
export interface Sourced<T> {
  value: T;
  source: ValueSource;
}

/**
 * A person or team, with what is needed to reach them.
 *
 * @public
 */
export interface Party {
  ref: string;
  kind: 'user' | 'group';
  displayName: string;
  /** False when the ref names nothing in the catalog (a problem is reported). */
  exists: boolean;
  email?: string;
  chatChannel?: string;
  picture?: string;
  timezone?: string;
}

/**
 * A specialist role with who holds it.
 *
 * @public
 */
export interface ResolvedSpecialist {
  role: SpecialistRole;
  primary?: Party;
  backups: Party[];
  source?: ValueSource;
  /**
   * `unfilled`: nobody holds the role. `single-point-of-failure`: one person
   * holds it with no backup.
   */
  gap?: 'unfilled' | 'single-point-of-failure';
}

/**
 * One cell of the responsibility matrix, with who provides it.
 *
 * @public
 */
export interface ResolvedResponsibility {
  area: ResponsibilityArea;
  provider: ResponsibilityProvider;
  providers: Party[];
  source: ValueSource;
}

/**
 * One level of an escalation path.
 *
 * @public
 */
export interface ResolvedEscalationLevel {
  /** 1-based position. */
  level: number;
  /** Minutes after the page is raised at which this level is paged. */
  afterMinutes: number;
  type: EscalationTargetType;
  target: Party;
  /** For `oncall` levels: who carries that team's pager now, when known. */
  onCall?: OnCallNow;
}

/**
 * The escalation path of an entity.
 *
 * @public
 */
export interface ResolvedEscalationPath {
  /** True when no usable path was declared and the path was derived from ownership. */
  derived: boolean;
  source: ValueSource;
  levels: ResolvedEscalationLevel[];
  /**
   * A declaration of the path that could not be used, nearer than the path
   * shown: the entity is not undeclared, its declaration is broken. The
   * first such problem, nearest first.
   */
  broken?: OwnershipProblem;
}

/**
 * Everything the plugin knows about who owns an entity's reliability, with
 * the source of every value and the problems found on the way.
 *
 * @public
 */
export interface ResolvedOwnership {
  entityRef: string;
  /** The entities consulted, nearest first. */
  inheritedFrom: Array<{ entityRef: string; relation: InheritanceRelation }>;
  model?: Sourced<OwnershipModel>;
  platformTeam?: Sourced<Party>;
  embeddedSres?: Sourced<Party[]>;
  /** The Group (or User) in the entity's `spec.owner`. */
  productTeam?: Party;
  /** Who owns reliability under the model. */
  reliabilityOwners: Party[];
  specialists: ResolvedSpecialist[];
  /** The responsibility matrix, when a model is known. */
  responsibilities: ResolvedResponsibility[];
  escalation: ResolvedEscalationPath;
  problems: OwnershipProblem[];
}
