import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { SRE_OWNERSHIP_ANNOTATIONS as KEYS } from './annotations';
import { EscalationLevelDeclaration } from './escalation';
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
import {
  AlertLabelMatcher,
  readAlertSelector,
} from './declarations/alertSelector';
import { readEscalation } from './declarations/escalation';
import { DeclarationReader, splitList } from './declarations/reader';

export { splitList } from './declarations/reader';
export { parseAlertSelector } from './declarations/alertSelector';
export type { AlertLabelMatcher } from './declarations/alertSelector';

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
  /** The reliability tier named, as written; app-config defines the tiers. */
  tier?: string;
  /** Labels an alert must carry to be about this entity. */
  alertSelector?: AlertLabelMatcher[];
  problems: OwnershipProblem[];
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

// Declarations by entity object: resolving many entities reads the same
// System, Domain, Group and people again and again.
const parsed = new WeakMap<Entity, EntityDeclarations>();

/**
 * Reads and validates what an entity declares in its own `sre-ownership.io/`
 * annotations. Never throws: every problem is returned, naming the key, the
 * value and the fix.
 *
 * @public
 */
export function readEntityDeclarations(entity: Entity): EntityDeclarations {
  const known = parsed.get(entity);
  if (known) return known;
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
    tier: reader.raw(KEYS.tier)?.trim() || undefined,
    alertSelector: readAlertSelector(reader),
    problems: reader.problems,
  };
  parsed.set(entity, declarations);
  return declarations;
}
