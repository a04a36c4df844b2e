import {
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { SRE_OWNERSHIP_ANNOTATIONS } from './annotations';
import { OwnershipModel, OWNERSHIP_MODELS, isOwnershipModel } from './model';

/**
 * A problem found in an entity's `sre-ownership.io/` declarations.
 *
 * @public
 */
export interface OwnershipProblem {
  /** The entity whose annotation is wrong. */
  entityRef: string;
  /** The annotation key. */
  annotation: string;
  /** The value as written. */
  value: string;
  /** What is wrong and how to fix it. */
  message: string;
  /** Errors make a value unusable; warnings are shown but do not block. */
  severity: 'error' | 'warning';
}

/**
 * What an entity declares about its reliability ownership in its own
 * annotations, before any inheritance.
 *
 * @public
 */
export interface DeclaredOwnership {
  entityRef: string;
  model?: OwnershipModel;
  platformTeam?: string;
  embeddedSres: string[];
  problems: OwnershipProblem[];
}

/**
 * Reads and validates the ownership an entity declares in its own annotations.
 *
 * @public
 */
export function readDeclaredOwnership(entity: Entity): DeclaredOwnership {
  const entityRef = stringifyEntityRef(entity);
  const namespace = entity.metadata.namespace ?? 'default';
  const annotations = entity.metadata.annotations ?? {};
  const problems: OwnershipProblem[] = [];
  const report = (annotation: string, value: string, message: string) =>
    problems.push({ entityRef, annotation, value, message, severity: 'error' });

  let model: OwnershipModel | undefined;
  const rawModel = annotations[SRE_OWNERSHIP_ANNOTATIONS.model];
  if (rawModel !== undefined) {
    const candidate = rawModel.trim().toLowerCase();
    if (isOwnershipModel(candidate)) {
      model = candidate;
    } else {
      report(
        SRE_OWNERSHIP_ANNOTATIONS.model,
        rawModel,
        `unknown ownership model "${rawModel}"; use one of ${OWNERSHIP_MODELS.join(
          ', ',
        )}`,
      );
    }
  }

  const refList = (annotation: string, defaultKind: string) =>
    splitList(annotations[annotation]).flatMap(raw => {
      try {
        return [
          stringifyEntityRef(
            parseEntityRef(raw, { defaultKind, defaultNamespace: namespace }),
          ),
        ];
      } catch (error) {
        report(
          annotation,
          raw,
          `"${raw}" is not an entity ref; write it as [kind:][namespace/]name, for example group:default/platform-sre`,
        );
        return [];
      }
    });

  const [platformTeam] = refList(
    SRE_OWNERSHIP_ANNOTATIONS.platformTeam,
    'Group',
  );
  const embeddedSres = refList(SRE_OWNERSHIP_ANNOTATIONS.embeddedSres, 'User');

  return { entityRef, model, platformTeam, embeddedSres, problems };
}

/** Splits a comma- or newline-separated annotation value into its items. */
export function splitList(value: string | undefined): string[] {
  return (value ?? '')
    .split(/[,\n]/)
    .map(item => item.trim())
    .filter(Boolean);
}
