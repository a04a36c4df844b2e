import {
  Party,
  ResolvedOwnership,
  SRE_OWNERSHIP_ANNOTATIONS,
  ValueSource,
} from '@sre-ownership/plugin-sre-ownership-common';
import { OwnershipProblems } from '../OwnershipProblems';
import { MissingDeclarationState } from '../states';
import { OwnershipModelBadge } from './OwnershipModelBadge';
import { PartySection } from './PartySection';
import { ResponsibilitySection } from './ResponsibilitySection';
import { SpecialistList } from './SpecialistList';

/** The annotations an entity with no reliability ownership should add. */
export const MISSING_OWNERSHIP_YAML = `metadata:
  annotations:
    ${SRE_OWNERSHIP_ANNOTATIONS.model}: hybrid
    ${SRE_OWNERSHIP_ANNOTATIONS.platformTeam}: group:default/platform-sre
    ${SRE_OWNERSHIP_ANNOTATIONS.embeddedSres}: user:default/jane-doe
    ${SRE_OWNERSHIP_ANNOTATIONS.incidentResponseLeader}: user:default/jane-doe, user:default/john-roe`;

/** True when nothing about reliability ownership resolved, here or inherited. */
export function declaresNothing(ownership: ResolvedOwnership): boolean {
  return (
    !ownership.model &&
    !ownership.platformTeam &&
    (ownership.embeddedSres?.value ?? []).length === 0 &&
    !ownership.specialists.some(s => s.primary || s.backups.length > 0) &&
    ownership.problems.length === 0
  );
}

/**
 * A reliability owner came from the platform team or embedded SRE
 * declaration; otherwise it is the product team from `spec.owner`.
 */
function ownerSource(
  ownership: ResolvedOwnership,
  owner: Party,
): ValueSource | undefined {
  if (ownership.platformTeam?.value.ref === owner.ref) {
    return ownership.platformTeam.source;
  }
  if (ownership.embeddedSres?.value.some(sre => sre.ref === owner.ref)) {
    return ownership.embeddedSres.source;
  }
  if (ownership.model && ownership.productTeam?.ref === owner.ref) {
    return {
      type: 'derived',
      description: `the ${ownership.model.value} model makes the owning team (spec.owner) the reliability owner`,
    };
  }
  return undefined;
}

/** Everything the reliability ownership card shows once ownership loaded. */
export function ReliabilityOwnershipView(props: {
  ownership: ResolvedOwnership;
}) {
  const { ownership } = props;
  if (declaresNothing(ownership)) {
    return (
      <MissingDeclarationState
        title="No reliability ownership declared"
        description="Neither this entity nor anything it inherits from says who owns its reliability. Add these annotations to its catalog-info.yaml (or to its System, Domain or owning Group):"
        yaml={MISSING_OWNERSHIP_YAML}
      />
    );
  }
  const platformTeam = ownership.platformTeam;
  const embeddedSres = ownership.embeddedSres;
  return (
    <>
      <OwnershipProblems
        problems={ownership.problems}
        currentEntityRef={ownership.entityRef}
      />
      {ownership.model ? (
        <OwnershipModelBadge model={ownership.model} />
      ) : (
        <MissingDeclarationState
          title="No ownership model declared"
          description={`Say which model applies with ${SRE_OWNERSHIP_ANNOTATIONS.model} on this entity, its System, Domain or owning Group:`}
          yaml={`metadata:\n  annotations:\n    ${SRE_OWNERSHIP_ANNOTATIONS.model}: hybrid # or platform, embedded, self-managed`}
        />
      )}
      <PartySection
        title="Reliability owners"
        parties={ownership.reliabilityOwners}
        sourceOf={owner => ownerSource(ownership, owner)}
      />
      <PartySection
        title="Platform team"
        parties={platformTeam ? [platformTeam.value] : []}
        sourceOf={() => platformTeam?.source}
      />
      <PartySection
        title="Embedded SREs"
        parties={embeddedSres?.value ?? []}
        sourceOf={() => embeddedSres?.source}
      />
      <SpecialistList specialists={ownership.specialists} />
      <ResponsibilitySection
        model={ownership.model?.value}
        responsibilities={ownership.responsibilities}
      />
    </>
  );
}
