import {
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { OwnershipProblem } from '../problems';

/**
 * Splits a list annotation into its items: commas, semicolons and newlines
 * all separate items; blanks are dropped.
 *
 * @public
 */
export function splitList(value: string | undefined): string[] {
  return (value ?? '')
    .split(/[,;\n]/)
    .map(item => item.trim())
    .filter(Boolean);
}

const REF_FORMAT =
  'write it as [kind:][namespace/]name, for example group:default/platform-sre';

/** Reads an entity's annotations, collecting a problem for each bad value. */
export class DeclarationReader {
  readonly problems: OwnershipProblem[] = [];
  private readonly annotations: Record<string, string>;
  private readonly namespace: string;

  constructor(readonly entity: Entity, readonly entityRef: string) {
    this.annotations = entity.metadata.annotations ?? {};
    this.namespace = entity.metadata.namespace ?? 'default';
  }

  raw(key: string): string | undefined {
    const value = this.annotations[key];
    return value === undefined ? undefined : value.trim();
  }

  report(
    annotation: string,
    value: string,
    message: string,
    severity: OwnershipProblem['severity'] = 'error',
  ) {
    this.problems.push({
      entityRef: this.entityRef,
      annotation,
      value,
      message,
      severity,
    });
  }

  /** Parses one ref; reports and returns undefined when malformed or of a disallowed kind. */
  ref(
    key: string,
    raw: string,
    options: { defaultKind: string; allowedKinds: string[] },
  ): string | undefined {
    let parsed;
    try {
      parsed = parseEntityRef(raw, {
        defaultKind: options.defaultKind,
        defaultNamespace: this.namespace,
      });
    } catch {
      this.report(key, raw, `"${raw}" is not an entity ref; ${REF_FORMAT}`);
      return undefined;
    }
    const kind = parsed.kind.toLocaleLowerCase('en-US');
    if (!options.allowedKinds.includes(kind)) {
      this.report(
        key,
        raw,
        `refers to a ${parsed.kind}; only ${options.allowedKinds
          .map(k => `${k}:`)
          .join(' or ')} refs are allowed here`,
      );
      return undefined;
    }
    return stringifyEntityRef({ ...parsed, kind });
  }

  /** A list of refs; undefined when the key is absent, reported when it names no one. */
  refList(
    key: string,
    options: { defaultKind: string; allowedKinds: string[]; what: string },
  ): string[] | undefined {
    const raw = this.raw(key);
    if (raw === undefined) return undefined;
    const items = splitList(raw);
    if (items.length === 0) {
      this.report(
        key,
        raw,
        `names no ${options.what}; list at least one ref or remove the annotation`,
      );
      return undefined;
    }
    const refs = items.flatMap(item => this.ref(key, item, options) ?? []);
    return refs.length > 0 ? [...new Set(refs)] : undefined;
  }
}
