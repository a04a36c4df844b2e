import {
  ResolvedOwnership,
  SPECIALIST_ROLE_INFO,
  TierRules,
} from '@sre-ownership/plugin-sre-ownership-common';

/** The facts about one entity that tier rules look at. */
export interface TierFacts {
  resolved: ResolvedOwnership;
  hasOnCallSource: boolean;
  modelDeclared: boolean;
}

/** What a tier requires, in words. */
export function describeTierRules(rules: TierRules): string[] {
  const words: string[] = [];
  if (rules.minEscalationLevels) {
    words.push(
      `a declared escalation path with at least ${
        rules.minEscalationLevels
      } level${rules.minEscalationLevels === 1 ? '' : 's'}`,
    );
  }
  if (rules.specialistBackups) words.push('a backup for every specialist role');
  if (rules.onCallSource) {
    words.push('an on-call source (a schedule feed or alert routing)');
  }
  if (rules.reliabilityOwner) words.push('a reliability owner');
  if (rules.modelDeclared) words.push('a declared ownership model');
  return words;
}

/** Why an entity falls short of its tier, one sentence per broken rule. */
export function evaluateTierRules(
  tier: string,
  rules: TierRules,
  facts: TierFacts,
): string[] {
  const { resolved } = facts;
  const reasons: string[] = [];
  const min = rules.minEscalationLevels;
  if (min) {
    const levels = resolved.escalation.levels.length;
    if (resolved.escalation.derived) {
      reasons.push(
        `Declares no escalation path (the one shown is derived); ${tier} requires one with at least ${min} level${
          min === 1 ? '' : 's'
        }.`,
      );
    } else if (levels < min) {
      reasons.push(
        `Declares ${levels} escalation level${
          levels === 1 ? '' : 's'
        }; ${tier} requires at least ${min}.`,
      );
    }
  }
  if (rules.specialistBackups) {
    for (const specialist of resolved.specialists) {
      const title = SPECIALIST_ROLE_INFO[specialist.role].title;
      const holders = [specialist.primary, ...specialist.backups].filter(
        party => party?.exists,
      );
      const distinct = new Set(holders.map(party => party!.ref));
      if (distinct.size === 0) {
        reasons.push(
          `Nobody holds the ${title} role; ${tier} requires a primary and a backup for every specialist role.`,
        );
      } else if (distinct.size === 1) {
        reasons.push(
          `The ${title} role has no backup; ${tier} requires a backup for every specialist role.`,
        );
      }
    }
  }
  if (rules.onCallSource && !facts.hasOnCallSource) {
    reasons.push(
      `Has no on-call source (no schedule feed and no alert routing); ${tier} requires one.`,
    );
  }
  if (
    rules.reliabilityOwner &&
    !resolved.reliabilityOwners.some(party => party.exists)
  ) {
    reasons.push(`Has no reliability owner; ${tier} requires one.`);
  }
  if (rules.modelDeclared && !facts.modelDeclared) {
    reasons.push(
      `Declares no ownership model in the catalog; ${tier} requires one.`,
    );
  }
  return reasons;
}
