import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import {
  describeSloBudgeting,
  describeSloThreshold,
  formatSloProblem,
} from '@sre-ownership/plugin-sre-ownership-common';
import { contact, parseTarget } from '../ownership/ownershipActions';
import { SloService } from './SloService';

/** Registers the SLO status action for MCP clients. */
export function registerSloActions(options: {
  actionsRegistry: ActionsRegistryService;
  slos: SloService;
}) {
  const { actionsRegistry, slos } = options;
  actionsRegistry.register({
    name: 'get-slo-status',
    title: 'SLO status of a service',
    description:
      "Returns the SLOs a catalog entity declares (OpenSLO v1 or Sloth) with their status from Prometheus: target, attainment over the SLO window, error budget remaining (share, and as minutes of full outage), budget consumed in the previous window, burn rates over 5m to 3d and the burn state (page, ticket, ok) by the SRE workbook's multi-window rules, in words. Names the SLO guard (primary and backups) to contact, and any problems in the declarations.",
    attributes: { readOnly: true, idempotent: true, destructive: false },
    schema: {
      input: z =>
        z.object({
          entityRef: z
            .string()
            .min(1)
            .describe(
              'Entity ref such as component:default/checkout; a bare name means a Component in the default namespace.',
            ),
        }),
      output: z =>
        z.object({
          entityRef: z.string(),
          slos: z.array(
            z.object({
              name: z.string(),
              displayName: z.string(),
              target: z.number(),
              format: z
                .enum(['openslo', 'sloth'])
                .describe('The format it was declared in.'),
              budgeting: z
                .string()
                .describe(
                  'How the budget is counted, e.g. Occurrences, or Timeslices: 1m slices, each good at 95% or more',
                ),
              threshold: z
                .string()
                .optional()
                .describe(
                  'For a threshold metric, what a reading must show to be good, e.g. checkout-latency < 0.3',
                ),
              window: z.string().describe('e.g. 28d rolling, or 1M calendar'),
              attainment: z.number().nullable(),
              budgetRemaining: z
                .number()
                .nullable()
                .describe(
                  'Share of the error budget left; negative when overspent.',
                ),
              budgetRemainingMinutes: z
                .number()
                .nullable()
                .describe('Minutes of full outage the budget still allows.'),
              previousWindowBudgetConsumed: z.number().nullable(),
              burnRates: z.record(z.string(), z.number().nullable()),
              burnState: z.enum(['page', 'ticket', 'ok', 'unknown']).optional(),
              summary: z.string().optional(),
              error: z.string().optional(),
              notes: z.array(z.string()),
            }),
          ),
          guard: z
            .object({
              primary: z.record(z.string(), z.unknown()).optional(),
              backups: z.array(z.record(z.string(), z.unknown())),
            })
            .optional()
            .describe('The SLO guard: whom to tell about a burning budget.'),
          problems: z.array(z.string()),
        }),
    },
    action: async ({ input, credentials }) => {
      const status = await slos.getSloStatus(
        parseTarget(input.entityRef),
        credentials,
      );
      return {
        output: {
          entityRef: status.entityRef,
          slos: status.slos.map(({ slo, figures, summary, error, notes }) => ({
            name: slo.name,
            displayName: slo.displayName,
            target: slo.target,
            format: slo.format,
            budgeting: describeSloBudgeting(slo.budgeting),
            ...(describeSloThreshold(slo.indicator)
              ? { threshold: describeSloThreshold(slo.indicator) }
              : {}),
            window: `${slo.window.duration} ${slo.window.kind}`,
            attainment: figures?.attainment ?? null,
            budgetRemaining: figures?.budget.remaining ?? null,
            budgetRemainingMinutes:
              figures?.budget.remainingSeconds === null || figures === undefined
                ? null
                : figures.budget.remainingSeconds / 60,
            previousWindowBudgetConsumed: figures?.previousConsumed ?? null,
            burnRates: { ...(figures?.burnRates ?? {}) },
            ...(figures ? { burnState: figures.burn.severity } : {}),
            ...(summary ? { summary } : {}),
            ...(error ? { error: error.message } : {}),
            notes,
          })),
          ...(status.guard
            ? {
                guard: {
                  ...(status.guard.primary
                    ? { primary: contact(status.guard.primary) }
                    : {}),
                  backups: status.guard.backups.map(contact),
                },
              }
            : {}),
          problems: status.problems.map(formatSloProblem),
        },
      };
    },
  });
}
