import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { parseEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import { BurdenService } from './BurdenService';

/** Registers the on-call burden action for MCP clients. */
export function registerBurdenActions(options: {
  actionsRegistry: ActionsRegistryService;
  burden: BurdenService;
}) {
  const { actionsRegistry, burden } = options;
  actionsRegistry.register({
    name: 'get-oncall-burden',
    title: 'On-call burden of a team',
    description:
      'Says whether the on-call load of a team (a catalog Group) is sustainable: healthy, at risk or overloaded (or no data, when nothing was recorded for the team in the window), with the reasons in words, the team figures (pages per 12-hour shift, off-hours and sleep-hours pages, MTTA/MTTR by severity, toil share, rotation size against the size needed) for a window of days and the previous window, and, for callers allowed to read them, per-engineer figures against the limits.',
    attributes: { readOnly: true, idempotent: true, destructive: false },
    schema: {
      input: z =>
        z.object({
          teamRef: z
            .string()
            .min(1)
            .describe(
              'Group ref such as group:default/payments; a bare name means a Group in the default namespace.',
            ),
          days: z
            .number()
            .int()
            .min(1)
            .max(366)
            .optional()
            .describe(
              'Window length in days up to now; 28 by default. Not with from/to.',
            ),
          from: z
            .string()
            .optional()
            .describe(
              'Start of an explicit past window, ISO 8601 (e.g. 2026-09-01T00:00:00Z); needs to, at most 366 days before it.',
            ),
          to: z
            .string()
            .optional()
            .describe(
              'End of an explicit window (exclusive), ISO 8601; needs from.',
            ),
        }),
      output: z =>
        z.object({
          teamRef: z.string(),
          status: z
            .enum(['no-data', 'healthy', 'at-risk', 'overloaded'])
            .describe(
              'no-data when no shift, page or toil of the team lies in the window; the reasons say so.',
            ),
          reasons: z.array(z.string()),
          windowDays: z.number(),
          window: z.object({ from: z.string(), to: z.string() }),
          team: z.record(z.string(), z.unknown()),
          previousWindow: z.record(z.string(), z.unknown()),
          requiredRotationSize: z.number(),
          problems: z
            .array(z.record(z.string(), z.unknown()))
            .describe(
              'Declarations the figures could not use, e.g. unknown time zones.',
            ),
          engineers: z
            .array(
              z
                .object({ userRef: z.string(), overLimit: z.array(z.string()) })
                .passthrough(),
            )
            .optional()
            .describe(
              'Absent when the caller lacks the sre-ownership.burden.read permission.',
            ),
        }),
    },
    action: async ({ input, credentials }) => {
      let team;
      try {
        team = parseEntityRef(input.teamRef, {
          defaultKind: 'Group',
          defaultNamespace: 'default',
        });
      } catch {
        throw new InputError(
          `teamRef "${input.teamRef}" is not an entity ref; write it as group:default/payments`,
        );
      }
      const result = await burden.getTeamBurden(
        team,
        { days: input.days, from: input.from, to: input.to },
        credentials,
      );
      return {
        output: {
          teamRef: result.teamRef,
          status: result.status,
          reasons: result.reasons,
          windowDays: result.window.days,
          window: { from: result.window.from, to: result.window.to },
          team: { ...result.current },
          previousWindow: { ...result.previous },
          requiredRotationSize: result.requiredRotationSize,
          problems: result.problems.map(problem => ({ ...problem })),
          ...(result.engineers
            ? {
                engineers: result.engineers.map(e => ({
                  userRef: e.userRef,
                  timezone: e.timezone,
                  member: e.member,
                  overLimit: e.overLimit,
                  ...e.current,
                })),
              }
            : {}),
        },
      };
    },
  });
}
