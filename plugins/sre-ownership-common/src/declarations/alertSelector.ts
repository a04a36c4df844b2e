import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { SRE_OWNERSHIP_ANNOTATIONS as KEYS } from '../annotations';
import { OwnershipProblem } from '../problems';
import { DeclarationReader, splitList } from './reader';

/**
 * One label an alert must carry, with its value, to be about an entity.
 *
 * @public
 */
export interface AlertLabelMatcher {
  label: string;
  value: string;
}

const LABEL = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

/**
 * Reads `sre-ownership.io/alert-selector` (`service=payments, env=prod`:
 * every label must match). Each item that is not `label=value` with a
 * Prometheus label name is reported and left out; undefined when the
 * annotation is absent or empty.
 */
export function readAlertSelector(
  reader: DeclarationReader,
): AlertLabelMatcher[] | undefined {
  const raw = reader.raw(KEYS.alertSelector);
  if (!raw) return undefined;
  const matchers: AlertLabelMatcher[] = [];
  for (const item of splitList(raw)) {
    const [label, ...rest] = item.split('=');
    const value = rest.join('=').trim();
    if (!rest.length || !value || !LABEL.test(label.trim())) {
      reader.report(
        KEYS.alertSelector,
        item,
        'write each label as name=value with a Prometheus label name, for example service=payments',
      );
    } else {
      matchers.push({ label: label.trim(), value });
    }
  }
  if (!matchers.length) {
    reader.report(
      KEYS.alertSelector,
      raw,
      'matches no alert: no item is a label=value pair, so no alert is routed to this entity',
    );
  }
  return matchers;
}

/**
 * The alert selector of an entity with the problems found in it; the one
 * parser of the annotation, used by page routing and by the declarations
 * the cards and the catalog show.
 *
 * @public
 */
export function parseAlertSelector(entity: Entity): {
  matchers: AlertLabelMatcher[] | undefined;
  problems: OwnershipProblem[];
} {
  const reader = new DeclarationReader(entity, stringifyEntityRef(entity));
  return { matchers: readAlertSelector(reader), problems: reader.problems };
}
