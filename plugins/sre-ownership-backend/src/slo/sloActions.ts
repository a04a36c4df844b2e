import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { CompoundEntityRef } from '@backstage/catalog-model';
import {
  SloIncidentAttribution,
  SloListItem,
  describeSloBudgeting,
  describeSloThreshold,
  formatSloProblem,
} from '@sre-ownership/plugin-sre-ownership-common';
import { contact, parseTarget } from '../ownership/ownershipActions';
import { SloService } from './SloService';

/** The SLOs of what belongs to a team, System or Domain, as last evaluated. */
export interface RelatedSlos {
  relatedSlos(
    ref: CompoundEntityRef,
    credentials: BackstageCredentials,
  ): Promise<{
    entityRef: string;
    entities: string[];
    evaluatedAt?: string;
    items: SloListItem[];
  }>;
}

/** Kinds answered from the roll-up rather than from their own declarations. */
const ROLLED_UP = new Set(['group', 'system', 'domain']);

const percent = (share: number) => `${Math.round(share * 1000) / 10}%`;

/** An incident's budget in one sentence, as the SLO card lists it. */
export function describeIncidentBudget(
  incident: SloIncidentAttribution['incidents'][number],
): string {
  const spent =
    incident.budgetShare === null
      ? 'not measurable: Prometheus counted no events while it was open'
      : `${percent(incident.budgetShare)} of this window's budget (${
          Math.round((incident.outageMinutes ?? 0) * 10) / 10
        } min of full outage)`;
  return `${incident.id}${
    incident.title ? ` (${incident.title})` : ''
  }: ${spent}${incident.resolvedAt ? '' : ', still open'}`;
}

/** Registers the SLO status action for MCP clients. */
export function registerSloActions(options: {
  actionsRegistry: ActionsRegistryService;
  slos: SloService;
  rollups: RelatedSlos;
}) {
  const { actionsRegistry, slos, rollups } = options;
  actionsRegistry.register({
    name: 'get-slo-status',
    title: 'SLO status of a service, team or System',
    description:
      "Returns the SLOs a catalog entity declares (OpenSLO v1 or Sloth) with their status from Prometheus: target, attainment over the SLO window, error budget remaining (share, and as minutes of full outage), budget consumed in the previous window, burn rates over 5m to 3d and the burn state (page, ticket, ok) by the SRE workbook's multi-window rules, in words, and the budget each incident (page) of the entity spent while it was open. Names the SLO guard (primary and backups) to contact, and any problems in the declarations. For a team (group:...), a System or a Domain, lists the SLOs of every entity it owns or that belongs to it, worst burn first, as the last scheduled evaluation measured them.",
    attributes: { readOnly: true, idempotent: true, destructive: false },
    schema: {
      input: z =>
        z.object({
          entityRef: z
            .string()
            .min(1)
            .describe(
              'Entity ref such as component:default/checkout, group:default/payments or system:default/payments; a bare name means a Component in the default namespace.',
            ),
        }),
      output: z =>
        z.object({
          entityRef: z.string(),
          entities: z
            .array(z.string())
            .optional()
            .describe(
              'For a team, System or Domain: every entity whose SLOs are listed.',
            ),
          evaluatedAt: z
            .string()
            .optional()
            .describe('When the figures were measured.'),
          slos: z.array(
            z.object({
              entityRef: z.string(),
              name: z.string(),
              displayName: z.string(),
              target: z.number(),
              format: z
                .enum(['openslo', 'sloth'])
                .optional()
                .describe(
                  'The format it was declared in; absent in a team, System or Domain listing.',
                ),
              budgeting: z
                .string()
                .optional()
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
              incidents: z
                .array(
                  z.object({
                    id: z.string(),
                    title: z.string().optional(),
                    triggeredAt: z.string(),
                    resolvedAt: z.string().optional(),
                    budgetShare: z.number().nullable(),
                    outageMinutes: z.number().nullable(),
                    sentence: z.string(),
                  }),
                )
                .optional()
                .describe(
                  "Each page of the entity in the SLO window with the share of the window's budget spent while it was open (docs/slos.md).",
                ),
              budgetOutsideIncidents: z
                .number()
                .nullable()
                .optional()
                .describe('Share of the budget spent while no page was open.'),
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
      const target = parseTarget(input.entityRef);
      if (ROLLED_UP.has(target.kind.toLocaleLowerCase('en-US'))) {
        const related = await rollups.relatedSlos(target, credentials);
        return {
          output: {
            entityRef: related.entityRef,
            entities: related.entities,
            ...(related.evaluatedAt
              ? { evaluatedAt: related.evaluatedAt }
              : {}),
            slos: related.items.map(item => ({
              entityRef: item.entityRef,
              name: item.sloName,
              displayName: item.displayName,
              target: item.target,
              window: item.window,
              attainment: null,
              budgetRemaining: item.budgetRemaining,
              budgetRemainingMinutes: null,
              previousWindowBudgetConsumed: null,
              burnRates: {},
              burnState: item.burn,
              ...(item.summary ? { summary: item.summary } : {}),
              ...(item.error ? { error: item.error } : {}),
              notes: [],
            })),
            problems: [],
          },
        };
      }
      const [status, incidents] = await Promise.all([
        slos.getSloStatus(target, credentials),
        slos.getIncidents(target, credentials),
      ]);
      const incidentsOf = new Map(incidents.slos.map(s => [s.sloName, s]));
      return {
        output: {
          entityRef: status.entityRef,
          evaluatedAt: status.evaluatedAt,
          slos: status.slos.map(({ slo, figures, summary, error, notes }) => {
            const attribution = incidentsOf.get(slo.name);
            return {
              entityRef: status.entityRef,
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
                figures?.budget.remainingSeconds === null ||
                figures === undefined
                  ? null
                  : figures.budget.remainingSeconds / 60,
              previousWindowBudgetConsumed: figures?.previousConsumed ?? null,
              burnRates: { ...(figures?.burnRates ?? {}) },
              ...(figures ? { burnState: figures.burn.severity } : {}),
              ...(summary ? { summary } : {}),
              ...(error ? { error: error.message } : {}),
              notes,
              ...(attribution && !attribution.error
                ? {
                    incidents: attribution.incidents.map(incident => ({
                      id: incident.id,
                      ...(incident.title ? { title: incident.title } : {}),
                      triggeredAt: incident.triggeredAt,
                      ...(incident.resolvedAt
                        ? { resolvedAt: incident.resolvedAt }
                        : {}),
                      budgetShare: incident.budgetShare,
                      outageMinutes: incident.outageMinutes,
                      sentence: describeIncidentBudget(incident),
                    })),
                    budgetOutsideIncidents: attribution.outsideIncidents,
                  }
                : {}),
            };
          }),
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
