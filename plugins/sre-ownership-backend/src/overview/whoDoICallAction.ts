import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import {
  Party,
  SPECIALIST_ROLE_INFO,
  onCallRotations,
} from '@sre-ownership/plugin-sre-ownership-common';
import { OverviewService } from './OverviewService';

const person = (party: Party) => ({
  ref: party.ref,
  name: party.displayName,
  ...(party.email ? { email: party.email } : {}),
  ...(party.chatChannel ? { chatChannel: party.chatChannel } : {}),
});

/** Registers `who-do-i-call`: free text in, ranked answers out. */
export function registerWhoDoICallAction(options: {
  actionsRegistry: ActionsRegistryService;
  overview: OverviewService;
}) {
  const { actionsRegistry, overview } = options;
  actionsRegistry.register({
    name: 'who-do-i-call',
    title: 'Who do I call?',
    description:
      'Answers "who do I call about X?" for a service, API, resource, system, domain, team, person, tag, or a specialist role with or without a scope (e.g. "SLO guard payments", "who is the incident response leader for search?"). Ranked: exact name first, then owner/team/person, then tags, then description. Each answer names the reliability owners, who is on call now at each escalation level (for a team, on its own rotation) and until when, the matching specialist (primary and backups), contacts, the escalation path and why it matched. Only entities the caller may read in the catalog are answered.',
    attributes: { readOnly: true, idempotent: true, destructive: false },
    schema: {
      input: z =>
        z.object({
          query: z
            .string()
            .min(1)
            .max(200)
            .describe('Free text, e.g. "payments" or "SLO guard search".'),
          limit: z
            .number()
            .int()
            .min(1)
            .max(50)
            .optional()
            .describe('Answers to return, 10 by default.'),
        }),
      output: z =>
        z.object({
          role: z.string().optional(),
          scope: z.string(),
          totalMatches: z.number(),
          answers: z.array(
            z.object({
              entityRef: z.string(),
              title: z.string(),
              why: z.string(),
              summary: z.string(),
              reliabilityOwners: z.array(z.record(z.string(), z.unknown())),
              onCallNow: z.array(
                z.object({
                  level: z.number(),
                  teamRef: z.string(),
                  current: z.array(
                    z.object({ userRef: z.string(), until: z.string() }),
                  ),
                }),
              ),
              teamOnCall: z
                .object({
                  current: z.array(
                    z.object({ userRef: z.string(), until: z.string() }),
                  ),
                })
                .optional()
                .describe("For a team: who carries the team's own pager now."),
              specialist: z
                .object({
                  role: z.string(),
                  primary: z.record(z.string(), z.unknown()).optional(),
                  backups: z.array(z.record(z.string(), z.unknown())),
                })
                .optional(),
              escalation: z.array(
                z.object({
                  level: z.number(),
                  afterMinutes: z.number(),
                  target: z.string(),
                }),
              ),
              contacts: z.array(z.record(z.string(), z.unknown())),
            }),
          ),
        }),
    },
    action: async ({ input, credentials }) => {
      const result = await overview.whoToCall(
        input.query,
        input.limit ?? 10,
        credentials,
      );
      return {
        output: {
          ...(result.role ? { role: result.role } : {}),
          scope: result.scope,
          totalMatches: result.totalMatches,
          answers: result.answers.map(answer => {
            const onCall = onCallRotations(answer)
              .flatMap(({ onCall: now }) => now.current.map(c => c.userRef))
              .join(', ');
            const owners = answer.reliabilityOwners
              .map(p => p.displayName)
              .join(', ');
            const role = answer.specialist
              ? `${SPECIALIST_ROLE_INFO[answer.specialist.role].title}: ${
                  answer.specialist.primary?.displayName ?? 'nobody'
                }. `
              : '';
            return {
              entityRef: answer.entityRef,
              title: answer.title,
              why: answer.why,
              summary: `${role}Reliability owners: ${
                owners || 'none'
              }. On call now: ${onCall || 'nobody known'}.`,
              reliabilityOwners: answer.reliabilityOwners.map(person),
              onCallNow: answer.onCallNow.map(level => ({
                level: level.level,
                teamRef: level.teamRef,
                current: level.onCall.current,
              })),
              ...(answer.teamOnCall
                ? { teamOnCall: { current: answer.teamOnCall.current } }
                : {}),
              ...(answer.specialist
                ? {
                    specialist: {
                      role: answer.specialist.role,
                      ...(answer.specialist.primary
                        ? { primary: person(answer.specialist.primary) }
                        : {}),
                      backups: answer.specialist.backups.map(person),
                    },
                  }
                : {}),
              escalation: answer.escalation.map(level => ({
                level: level.level,
                afterMinutes: level.afterMinutes,
                target: level.target.ref,
              })),
              contacts: answer.contacts.map(person),
            };
          }),
        },
      };
    },
  });
}
