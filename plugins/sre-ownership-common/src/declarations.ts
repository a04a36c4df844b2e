import {
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { SRE_OWNERSHIP_ANNOTATIONS as KEYS } from './annotations';
import {
  EscalationLevelDeclaration,
  EscalationTargetType,
  parseDelayMinutes,
} from './escalation';
import { isKnownTimezone } from './burden/localTime';
import { OwnershipModel, OWNERSHIP_MODELS, isOwnershipModel } from './model';
import { OwnershipProblem } from './problems';
import {
  RESPONSIBILITY_AREAS,
  RESPONSIBILITY_PROVIDERS,
  ResponsibilityMatrix,
  isResponsibilityArea,
  isResponsibilityProvider,
} from './responsibilities';
import {
  SPECIALIST_ROLES,
  SPECIALIST_ROLE_INFO,
  SpecialistRole,
} from './specialists';

/**
 * Contact channels declared on an entity.
 *
 * @public
 */
export interface ContactChannels {
  chatChannel?: string;
  email?: string;
}

/**
 * What one entity declares in its own `sre-ownership.io/` annotations, parsed
 * and validated, before any inheritance. A key that is absent or invalid is
 * left undefined so that inherited values apply.
 *
 * @public
 */
export interface EntityDeclarations {
  entityRef: string;
  model?: OwnershipModel;
  platformTeam?: string;
  embeddedSres?: string[];
  specialists: Partial<Record<SpecialistRole, string[]>>;
  responsibilities: Partial<ResponsibilityMatrix>;
  escalation?: EscalationLevelDeclaration[];
  contacts: ContactChannels;
  timezone?: string;
  problems: OwnershipProblem[];
}

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

class DeclarationReader {
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

function readModel(reader: DeclarationReader): OwnershipModel | undefined {
  const raw = reader.raw(KEYS.model);
  if (raw === undefined) return undefined;
  const candidate = raw.toLocaleLowerCase('en-US');
  if (isOwnershipModel(candidate)) return candidate;
  reader.report(
    KEYS.model,
    raw,
    `is not an ownership model; use one of ${OWNERSHIP_MODELS.join(', ')}`,
  );
  return undefined;
}

function readPlatformTeam(reader: DeclarationReader): string | undefined {
  const refs = reader.refList(KEYS.platformTeam, {
    defaultKind: 'Group',
    allowedKinds: ['group'],
    what: 'team',
  });
  if (refs && refs.length > 1) {
    reader.report(
      KEYS.platformTeam,
      reader.raw(KEYS.platformTeam) ?? '',
      `names ${refs.length} teams; a service has one platform team, so ${refs[0]} is used`,
      'warning',
    );
  }
  return refs?.[0];
}

function readSpecialists(reader: DeclarationReader) {
  const specialists: Partial<Record<SpecialistRole, string[]>> = {};
  for (const role of SPECIALIST_ROLES) {
    const refs = reader.refList(SPECIALIST_ROLE_INFO[role].annotation, {
      defaultKind: 'User',
      allowedKinds: ['user'],
      what: 'person',
    });
    if (refs) specialists[role] = refs;
  }
  return specialists;
}

function readResponsibilities(reader: DeclarationReader) {
  const matrix: Partial<ResponsibilityMatrix> = {};
  for (const item of splitList(reader.raw(KEYS.responsibilities))) {
    const [area, provider, ...rest] = item
      .split('=')
      .map(s => s.trim().toLocaleLowerCase('en-US'));
    if (provider === undefined || rest.length > 0) {
      reader.report(
        KEYS.responsibilities,
        item,
        'write each cell as area=provider, for example runbooks=embedded',
      );
    } else if (!isResponsibilityArea(area)) {
      reader.report(
        KEYS.responsibilities,
        item,
        `"${area}" is not an area; use one of ${RESPONSIBILITY_AREAS.join(
          ', ',
        )}`,
      );
    } else if (!isResponsibilityProvider(provider)) {
      reader.report(
        KEYS.responsibilities,
        item,
        `"${provider}" is not a provider; use one of ${RESPONSIBILITY_PROVIDERS.join(
          ', ',
        )}`,
      );
    } else {
      matrix[area] = provider;
    }
  }
  return matrix;
}

const ESCALATION_LEVEL = /^(\S+)(?:\s+after\s+(.+))?$/i;

function readEscalationLevel(
  reader: DeclarationReader,
  item: string,
  previous: EscalationLevelDeclaration | undefined,
): EscalationLevelDeclaration | undefined {
  const key = KEYS.escalation;
  const match = ESCALATION_LEVEL.exec(item);
  if (!match) {
    reader.report(
      key,
      item,
      'write each level as <target> [after <delay>], for example "user:default/jane-doe after 15m"',
    );
    return undefined;
  }
  const [, target, delayText] = match;
  const [prefix] = target.split(':', 1);
  const type = prefix.toLocaleLowerCase('en-US') as EscalationTargetType;
  if (!target.includes(':') || !['user', 'group', 'oncall'].includes(type)) {
    reader.report(
      key,
      item,
      `"${target}" needs a target kind: user:<name>, group:<name> or oncall:<group name> (the team's on-call rotation)`,
    );
    return undefined;
  }
  const ref =
    type === 'oncall'
      ? reader.ref(key, target.slice('oncall:'.length), {
          defaultKind: 'Group',
          allowedKinds: ['group'],
        })
      : reader.ref(key, target, { defaultKind: 'User', allowedKinds: [type] });
  if (!ref) return undefined;

  let afterMinutes = 0;
  if (delayText !== undefined) {
    const parsed = parseDelayMinutes(delayText);
    if (parsed === undefined) {
      reader.report(
        key,
        item,
        `"${delayText}" is not a delay; write minutes, hours or seconds such as 5m, 1h, 1h30m or 90s`,
      );
      return undefined;
    }
    afterMinutes = parsed;
  } else if (previous) {
    reader.report(
      key,
      item,
      `needs a delay: say when it is paged, for example "${target} after ${
        previous.afterMinutes + 15
      }m"`,
    );
    return undefined;
  }
  if (previous && afterMinutes <= previous.afterMinutes) {
    reader.report(
      key,
      item,
      `is paged ${afterMinutes} minutes after the page is raised, not after the previous level (${previous.afterMinutes} minutes); delays count from the start of the page and must increase`,
    );
    return undefined;
  }
  return { type, ref, afterMinutes };
}

function readEscalation(reader: DeclarationReader) {
  const raw = reader.raw(KEYS.escalation);
  if (raw === undefined) return undefined;
  const levels: EscalationLevelDeclaration[] = [];
  const problemsBefore = reader.problems.length;
  for (const item of splitList(raw)) {
    const level = readEscalationLevel(reader, item, levels[levels.length - 1]);
    if (level) levels.push(level);
  }
  if (levels.length === 0 && reader.problems.length === problemsBefore) {
    reader.report(
      KEYS.escalation,
      raw,
      'declares no level; list at least one target, one per line',
    );
  }
  // A path with a broken level would skip a step at 3 a.m.: use none of it.
  return reader.problems.length === problemsBefore && levels.length > 0
    ? levels
    : undefined;
}

function readTimezone(reader: DeclarationReader) {
  const raw = reader.raw(KEYS.timezone);
  if (raw === undefined) return undefined;
  if (isKnownTimezone(raw)) return raw;
  reader.report(
    KEYS.timezone,
    raw,
    'is not an IANA time zone; use a name such as Europe/London or America/New_York',
  );
  return undefined;
}

function readContacts(reader: DeclarationReader): ContactChannels {
  const contacts: ContactChannels = {};
  const chat = reader.raw(KEYS.chatChannel);
  if (chat) contacts.chatChannel = chat;
  const email = reader.raw(KEYS.email);
  if (email !== undefined) {
    if (/^[^\s@]+@[^\s@]+$/.test(email)) {
      contacts.email = email;
    } else {
      reader.report(
        KEYS.email,
        email,
        'is not an e-mail address; write it as name@domain, for example payments-sre@example.com',
      );
    }
  }
  return contacts;
}

/**
 * Reads and validates what an entity declares in its own `sre-ownership.io/`
 * annotations. Never throws: every problem is returned, naming the key, the
 * value and the fix.
 *
 * @public
 */
export function readEntityDeclarations(entity: Entity): EntityDeclarations {
  const reader = new DeclarationReader(entity, stringifyEntityRef(entity));
  const declarations: EntityDeclarations = {
    entityRef: reader.entityRef,
    model: readModel(reader),
    platformTeam: readPlatformTeam(reader),
    embeddedSres: reader.refList(KEYS.embeddedSres, {
      defaultKind: 'User',
      allowedKinds: ['user', 'group'],
      what: 'SRE',
    }),
    specialists: readSpecialists(reader),
    responsibilities: readResponsibilities(reader),
    escalation: readEscalation(reader),
    contacts: readContacts(reader),
    timezone: readTimezone(reader),
    problems: reader.problems,
  };
  return declarations;
}
