import { EscalationLevelDeclaration } from '../escalation';
import { OwnershipModel } from '../model';
import { SRE_OWNERSHIP_ANNOTATIONS as KEYS } from '../annotations';
import { OwnershipProblem } from '../problems';
import {
  Party,
  ResolvedEscalationPath,
  ResolvedSpecialist,
  Sourced,
  ValueSource,
} from '../resolved';
import { Declared, declaredBy, nearest } from './chain';
import {
  DEFAULT_DERIVED_ESCALATION_STEP_MINUTES,
  OwnershipDefaults,
} from './defaults';
import { PartyDirectory } from './parties';
import { ResponsibleTeams } from './teams';

/** What a path is derived from when none is declared. */
interface EscalationContext {
  model?: OwnershipModel;
  productTeam?: Party;
  platformTeam?: Party;
  incidentResponseLeader?: Party;
  stepMinutes: number;
}

type DerivationStep = [
  EscalationLevelDeclaration['type'],
  Party | undefined,
  string,
];

/** The steps a derived path may take under the model, nearest rotation first. */
function candidateSteps(context: EscalationContext): DerivationStep[] {
  const { model, productTeam, platformTeam, incidentResponseLeader } = context;
  const leader: DerivationStep = [
    'user',
    incidentResponseLeader,
    'incident response leader',
  ];
  if (model === 'platform') {
    return [['oncall', platformTeam, 'platform on-call'], leader];
  }
  if (model === 'self-managed' || !model) {
    return [['oncall', productTeam, 'team on-call'], leader];
  }
  return [
    ['oncall', productTeam, 'embedded on-call'],
    ['oncall', platformTeam, 'platform on-call'],
    leader,
  ];
}

/** The candidate steps that can be paged, each party once. */
function pageableSteps(candidates: DerivationStep[]): DerivationStep[] {
  const present = candidates.filter(
    ([type, party]) =>
      party?.exists && !(type === 'oncall' && party.kind !== 'group'),
  );
  const seen = new Set<string>();
  // The same team may fill two steps (a platform team's own service): page it once.
  return present.filter(
    ([, party]) => !seen.has(party!.ref) && seen.add(party!.ref),
  );
}

/** A default path when none is declared: the nearest rotation first, then wider. */
function deriveEscalation(context: EscalationContext): ResolvedEscalationPath {
  const { model, stepMinutes } = context;
  const unique = pageableSteps(candidateSteps(context));
  const levels = unique.map(([type, party], index) => ({
    level: index + 1,
    afterMinutes: index * stepMinutes,
    type,
    target: party!,
  }));
  const steps = unique.map(([, , label]) => label).join(', then ');
  return {
    derived: true,
    source: {
      type: 'derived',
      description: levels.length
        ? `No escalation path is declared for this entity or anything it inherits from; derived from the ${
            model ?? 'unknown'
          } model: ${steps}, ${stepMinutes} minutes apart.`
        : 'No escalation path is declared, and there is no team or incident response leader to derive one from.',
    },
    levels,
  };
}

/** A declared path, each level's target looked up in the directory. */
function declaredEscalation(
  declared: Sourced<EscalationLevelDeclaration[]>,
  directory: PartyDirectory,
): ResolvedEscalationPath {
  return {
    derived: false,
    source: declared.source,
    levels: declared.value.map((level, index) => ({
      level: index + 1,
      afterMinutes: level.afterMinutes,
      type: level.type,
      target: directory.party(level.ref, declaredBy(declared.source)),
    })),
  };
}

/**
 * The nearest declared escalation path; without one, a path derived from the
 * model, the teams and the incident response leader.
 */
export function resolveEscalation(options: {
  chain: Declared[];
  directory: PartyDirectory;
  model?: OwnershipModel;
  teams: ResponsibleTeams;
  specialists: ResolvedSpecialist[];
  defaults: OwnershipDefaults;
}): ResolvedEscalationPath {
  const { chain, directory, model, teams, specialists, defaults } = options;
  const declaredPath = nearest(chain, 'escalation');
  const broken = brokenBefore(chain, declaredPath?.source);
  const path = declaredPath
    ? declaredEscalation(declaredPath, directory)
    : deriveEscalation({
        model,
        productTeam: teams.productTeam,
        platformTeam: teams.platformTeam?.value,
        incidentResponseLeader: specialists.find(
          s => s.role === 'incident-response-leader',
        )?.primary,
        stepMinutes:
          defaults.derivedEscalationStepMinutes ??
          DEFAULT_DERIVED_ESCALATION_STEP_MINUTES,
      });
  if (!broken) return path;
  if (path.derived && path.source.type === 'derived') {
    const description = path.levels.length
      ? path.source.description.replace(
          /^No escalation path is declared for this entity or anything it inherits from;/,
          `The escalation path declared on ${broken.entityRef} is broken and ignored;`,
        )
      : `The escalation path declared on ${broken.entityRef} is broken and ignored, and there is no team or incident response leader to derive one from.`;
    return { ...path, source: { type: 'derived', description }, broken };
  }
  return { ...path, broken };
}

/**
 * The first escalation declaration that could not be used (an error, so it
 * was ignored) on an entity nearer than the one whose path is used, or
 * anywhere in the chain when none is.
 */
function brokenBefore(
  chain: Declared[],
  used: ValueSource | undefined,
): OwnershipProblem | undefined {
  const usedRef = used?.type === 'entity' ? used.entityRef : undefined;
  for (const declared of chain) {
    if (declared.declarations.entityRef === usedRef) return undefined;
    const problem = declared.declarations.problems.find(
      p => p.annotation === KEYS.escalation && p.severity === 'error',
    );
    if (problem) return problem;
  }
  return undefined;
}
