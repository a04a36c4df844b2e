import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { CompoundEntityRef, parseEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import {
  Party,
  ResolvedOwnership,
  SPECIALIST_ROLE_INFO,
  describeSource,
  formatProblem,
} from '@sre-ownership/plugin-sre-ownership-common';
import { OwnershipResolver } from './OwnershipResolver';

/** Reads an entity ref given to an action; a bare name is a Component in the default namespace. */
export function parseTarget(entityRef: string): CompoundEntityRef {
  try {
    return parseEntityRef(entityRef, {
      defaultKind: 'Component',
      defaultNamespace: 'default',
    });
  } catch {
    throw new InputError(
      `entityRef "${entityRef}" is not an entity ref; write it as [kind:][namespace/]name, for example component:default/payments-api`,
    );
  }
}

/** How an action names a person or team: ref, name and contacts. */
export function contact(party: Party) {
  return {
    ref: party.ref,
    name: party.displayName,
    ...(party.email ? { email: party.email } : {}),
    ...(party.chatChannel ? { chatChannel: party.chatChannel } : {}),
    ...(party.exists ? {} : { missingFromCatalog: true }),
  };
}

function ownershipSummary(resolved: ResolvedOwnership) {
  const owners = resolved.reliabilityOwners.map(p => p.displayName).join(', ');
  return resolved.model
    ? `${resolved.entityRef} uses the ${
        resolved.model.value
      } model (${describeSource(
        resolved.model.source,
      )}); reliability is owned by ${owners || 'nobody resolvable'}.`
    : `${resolved.entityRef} declares no ownership model, and none is inherited or configured.`;
}

type Zod = Parameters<
  Parameters<ActionsRegistryService['register']>[0]['schema']['input']
>[0];

const entityRefField = (field: ReturnType<Zod['string']>) =>
  field
    .min(1)
    .describe(
      'Entity ref such as component:default/payments-api; a bare name means a Component in the default namespace.',
    );

const partyFields = (z: Zod) =>
  z.object({
    ref: z.string(),
    name: z.string(),
    email: z.string().optional(),
    chatChannel: z.string().optional(),
    missingFromCatalog: z.boolean().optional(),
  });

/** Registers the ownership and escalation actions for MCP clients. */
export function registerOwnershipActions(options: {
  actionsRegistry: ActionsRegistryService;
  ownership: OwnershipResolver;
}) {
  const { actionsRegistry, ownership } = options;

  actionsRegistry.register({
    name: 'who-owns-reliability',
    title: 'Who owns reliability',
    description:
      'Answers who owns reliability for a catalog entity: the ownership model (platform, embedded, hybrid or self-managed), the teams that own reliability, the SRE specialists (educator, SLO guard, infrastructure architect, incident response leader) with contacts, where each value was declared, and any problems in the declarations.',
    attributes: { readOnly: true, idempotent: true, destructive: false },
    schema: {
      input: z => z.object({ entityRef: entityRefField(z.string()) }),
      output: z => {
        const party = partyFields(z);
        return z.object({
          entityRef: z.string(),
          summary: z.string(),
          model: z.string().optional(),
          modelSource: z.string().optional(),
          reliabilityOwners: z.array(party),
          specialists: z.array(
            z.object({
              role: z.string(),
              primary: party.optional(),
              backups: z.array(party),
              gap: z.string().optional(),
            }),
          ),
          problems: z.array(z.string()),
        });
      },
    },
    action: async ({ input, credentials }) => {
      const resolved = await ownership.getOwnership(
        parseTarget(input.entityRef),
        credentials,
      );
      return {
        output: {
          entityRef: resolved.entityRef,
          summary: ownershipSummary(resolved),
          ...(resolved.model
            ? {
                model: resolved.model.value,
                modelSource: describeSource(resolved.model.source),
              }
            : {}),
          reliabilityOwners: resolved.reliabilityOwners.map(contact),
          specialists: resolved.specialists.map(s => ({
            role: SPECIALIST_ROLE_INFO[s.role].title,
            ...(s.primary ? { primary: contact(s.primary) } : {}),
            backups: s.backups.map(contact),
            ...(s.gap ? { gap: s.gap } : {}),
          })),
          problems: resolved.problems.map(formatProblem),
        },
      };
    },
  });

  actionsRegistry.register({
    name: 'get-escalation-path',
    title: 'Escalation path',
    description:
      'Returns the escalation path of a catalog entity: ordered levels, the minutes after a page is raised at which each is paged, and who to contact at each level. Says whether the path was declared or derived from the ownership model.',
    attributes: { readOnly: true, idempotent: true, destructive: false },
    schema: {
      input: z => z.object({ entityRef: entityRefField(z.string()) }),
      output: z =>
        z.object({
          entityRef: z.string(),
          derived: z.boolean(),
          source: z.string(),
          levels: z.array(
            z.object({
              level: z.number(),
              afterMinutes: z.number(),
              type: z.enum(['user', 'group', 'oncall']),
              target: partyFields(z),
              onCallNow: z
                .array(z.object({ userRef: z.string(), until: z.string() }))
                .optional()
                .describe(
                  'For rotation levels: who carries the pager now, and until when.',
                ),
            }),
          ),
        }),
    },
    action: async ({ input, credentials }) => {
      const { entityRef, escalation } = await ownership.getOwnership(
        parseTarget(input.entityRef),
        credentials,
      );
      return {
        output: {
          entityRef,
          derived: escalation.derived,
          source: describeSource(escalation.source),
          levels: escalation.levels.map(level => ({
            level: level.level,
            afterMinutes: level.afterMinutes,
            type: level.type,
            target: contact(level.target),
            ...(level.onCall ? { onCallNow: level.onCall.current } : {}),
          })),
        },
      };
    },
  });
}
