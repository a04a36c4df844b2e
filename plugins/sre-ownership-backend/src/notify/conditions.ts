import { parseEntityRef } from '@backstage/catalog-model';
import { NotificationSeverity } from '@backstage/plugin-notifications-common';
import {
  BurdenMeasure,
  BurdenStatus,
  EngineerBurden,
  ResolvedOwnership,
  SPECIALIST_ROLES,
  SPECIALIST_ROLE_INFO,
  TeamBurden,
} from '@sre-ownership/plugin-sre-ownership-common';
import { NotificationKind, NotifySettings } from './notifyConfig';

/**
 * One thing worth telling people about, at its current level. Its key is the
 * notification scope too, so a repeat updates the notification already sent.
 */
export interface NotificationCondition {
  /** team × measure × window, service × measure, or team × role. */
  key: string;
  kind: NotificationKind;
  /** 0 is fine; higher is worse. */
  level: number;
  /** The lowest level worth a notification. */
  threshold: number;
  /**
   * The level a condition never seen before is compared with; absent when a
   * first sight says nothing (a service cannot lose what nobody saw it have).
   */
  firstSeenBaseline?: number;
  /** User or Group entity refs. */
  recipients: string[];
  title: string;
  description: string;
  severity: NotificationSeverity;
  link: string;
  /**
   * Conditions sharing a digest are told in one notification per evaluation
   * (its scope), listing each of them at its threshold or above: one
   * notification per person, not one per limit.
   */
  digest?: { key: string; team: string; subject: string; line: string };
}

/** The entity page of a catalog entity, as the notification link. */
export function entityLink(entityRef: string): string {
  const { kind, namespace, name } = parseEntityRef(entityRef);
  return `/catalog/${encodeURIComponent(namespace)}/${encodeURIComponent(
    kind.toLocaleLowerCase('en-US'),
  )}/${encodeURIComponent(name)}`;
}

// No data is nothing to notify about: it never counts as worse than healthy.
const STATUS_LEVEL: Record<BurdenStatus, number> = {
  'no-data': 0,
  healthy: 0,
  'at-risk': 1,
  overloaded: 2,
};

const STATUS_WORDS: Record<BurdenStatus, string> = {
  'no-data': 'without on-call data',
  healthy: 'healthy',
  'at-risk': 'at risk',
  overloaded: 'overloaded',
};

const STATUS_SEVERITY: Record<BurdenStatus, NotificationSeverity> = {
  'no-data': 'low',
  healthy: 'low',
  'at-risk': 'high',
  overloaded: 'critical',
};

/** What a team is: its ref, its name for people, and who is in it. */
export interface TeamFacts {
  teamRef: string;
  title: string;
  /** Direct members (User refs): not the members of parent or child groups. */
  members: string[];
  /** Holders of the specialist roles declared on the team. */
  roleHolders: string[];
}

/** The team's status, for its members and role holders. */
export function teamStatusCondition(
  team: TeamFacts,
  burden: TeamBurden,
  settings: NotifySettings,
): NotificationCondition {
  const level = STATUS_LEVEL[burden.status];
  return {
    key: `burden:${team.teamRef}:status:${burden.window.days}d`,
    kind: 'burden',
    level,
    threshold: STATUS_LEVEL[settings.burden.minimumStatus],
    firstSeenBaseline: STATUS_LEVEL.healthy,
    recipients: unique([...team.members, ...team.roleHolders]),
    title: `${team.title} on-call rotation is ${STATUS_WORDS[burden.status]}`,
    description: burden.reasons.join(' '),
    // Over a limit is never routine: at risk is high, overloaded critical.
    severity: STATUS_SEVERITY[burden.status],
    link: entityLink(team.teamRef),
  };
}

const MEASURES: Record<
  BurdenMeasure,
  { name: string; describe: (value: number, limit: number) => string }
> = {
  onCallWeeksPerMonth: {
    name: 'on-call weeks per month',
    describe: (value, limit) =>
      `You were on call ${decimal(value)} weeks per month (limit ${decimal(
        limit,
      )})`,
  },
  pagesPerShift: {
    name: 'pages per shift',
    describe: (value, limit) =>
      `You averaged ${decimal(value)} pages per 12-hour shift (limit ${decimal(
        limit,
      )})`,
  },
  onCallShare: {
    name: 'time on call',
    describe: (value, limit) =>
      `You were on call ${percent(value)} of the time (limit ${percent(
        limit,
      )})`,
  },
  toilShare: {
    name: 'toil',
    describe: (value, limit) =>
      `You spent ${percent(value)} of working time on toil (limit ${percent(
        limit,
      )})`,
  },
};

/**
 * One condition per engineer and limit: level 1 over the limit, 2 at twice
 * the limit or more. Sent to the engineer concerned only.
 */
export function personalLimitConditions(
  team: TeamFacts,
  burden: TeamBurden,
): NotificationCondition[] {
  return (burden.engineers ?? []).flatMap(engineer =>
    (Object.keys(MEASURES) as BurdenMeasure[]).map(measure =>
      personalLimitCondition(team, burden, engineer, measure),
    ),
  );
}

function personalLimitCondition(
  team: TeamFacts,
  burden: TeamBurden,
  engineer: EngineerBurden,
  measure: BurdenMeasure,
): NotificationCondition {
  const value = engineer.current[measure];
  const limit = burden.limits[measure];
  const line = `${
    value === null
      ? `No ${MEASURES[measure].name} figure`
      : MEASURES[measure].describe(value, limit)
  } in the last ${burden.window.days} days`;
  let level = 0;
  // A figure undefined for the window (null) is never over its limit.
  if (value !== null && engineer.overLimit.includes(measure)) {
    level = value >= 2 * limit ? 2 : 1;
  }
  return {
    key: `burden:${team.teamRef}:${measure}:${burden.window.days}d:${engineer.userRef}`,
    kind: 'burden',
    level,
    threshold: 1,
    firstSeenBaseline: 0,
    recipients: [engineer.userRef],
    title: `You are over the ${MEASURES[measure].name} limit in ${team.title}`,
    description: `${line}.`,
    severity: limitSeverity(level),
    link: entityLink(team.teamRef),
    digest: {
      key: `burden:${team.teamRef}:limits:${burden.window.days}d:${engineer.userRef}`,
      team: team.title,
      subject: MEASURES[measure].name,
      line: `${line}${level >= 2 ? ', twice the limit or more' : ''}.`,
    },
  };
}

/** Over a limit is high; at twice the limit or more, critical. */
function limitSeverity(level: number): NotificationSeverity {
  if (level >= 2) return 'critical';
  return level >= 1 ? 'high' : 'normal';
}

/**
 * One notification for a person's digest: sent when any of its conditions
 * worsened (`notified`), it lists every condition of the digest at its
 * threshold or above (`current`), worst first, so that one notification
 * names every limit crossed. Its key (the scope) is the digest's, so a later
 * evaluation updates it instead of adding another.
 */
export function digestNotification(
  notified: NotificationCondition[],
  current: NotificationCondition[],
): NotificationCondition {
  const [first] = notified;
  const crossed = current
    .filter(c => c.level >= c.threshold)
    .sort((a, b) => b.level - a.level);
  const listed = crossed.length ? crossed : notified;
  const level = Math.max(...listed.map(c => c.level));
  const subjects = listed.map(c => c.digest?.subject ?? c.title);
  const team = first.digest?.team ?? '';
  return {
    ...first,
    key: first.digest?.key ?? first.key,
    level,
    title:
      listed.length === 1
        ? first.title
        : `You are over ${listed.length} limits in ${team}: ${joinWords(
            subjects,
          )}`,
    description: listed.map(c => c.digest?.line ?? c.description).join(' '),
    severity: limitSeverity(level),
  };
}

function joinWords(words: string[]): string {
  if (words.length < 2) return words.join('');
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

function displayName(entityRef: string): string {
  return parseEntityRef(entityRef).name;
}

/**
 * A service that loses its reliability owner, or whose on-call escalation
 * level has nobody on call. Sent to the owning team and the reliability
 * owners left.
 */
export function coverageConditions(
  resolved: ResolvedOwnership,
): NotificationCondition[] {
  const name = displayName(resolved.entityRef);
  const owners = resolved.reliabilityOwners.filter(p => p.exists);
  const team = resolved.productTeam?.exists ? [resolved.productTeam.ref] : [];
  const link = entityLink(resolved.entityRef);
  const conditions: NotificationCondition[] = [
    {
      key: `coverage:${resolved.entityRef}:reliability-owner`,
      kind: 'coverage',
      level: owners.length ? 0 : 1,
      threshold: 1,
      recipients: team,
      title: `${name} has no reliability owner`,
      description: `Nobody in the catalog owns reliability for ${name} any more. Declare sre-ownership.io/model and its owners (see docs/declarations.md).`,
      severity: 'high',
      link,
    },
  ];
  const onCallLevels = resolved.escalation.levels.filter(
    level => level.type === 'oncall',
  );
  if (onCallLevels.length) {
    const covered = onCallLevels.some(
      level => (level.onCall?.current.length ?? 0) > 0,
    );
    conditions.push({
      key: `coverage:${resolved.entityRef}:oncall`,
      kind: 'coverage',
      level: covered ? 0 : 1,
      threshold: 1,
      recipients: unique([...team, ...owners.map(owner => owner.ref)]),
      title: `Nobody is on call for ${name}`,
      description: `No shift of ${onCallLevels
        .map(level => level.target.displayName)
        .join(', ')} covers now; pages for ${name} reach no one.`,
      severity: 'critical',
      link,
    });
  }
  return conditions;
}

/**
 * Each specialist role declared on a team: level 1 with one holder (with
 * `minimumHolders` 2), 2 with none. A role tracked before and no longer
 * declared counts as none.
 */
export function specialistConditions(
  team: TeamFacts,
  resolved: ResolvedOwnership,
  tracked: (key: string) => boolean,
  settings: NotifySettings,
): NotificationCondition[] {
  return SPECIALIST_ROLES.flatMap(role => {
    const key = `specialists:${team.teamRef}:${role}`;
    const specialist = resolved.specialists.find(s => s.role === role);
    const declaredHere =
      specialist?.source?.type === 'entity' &&
      specialist.source.entityRef === team.teamRef;
    if (!declaredHere && !tracked(key)) return [];
    const holders = declaredHere
      ? [specialist.primary, ...specialist.backups]
          .filter(party => party?.exists)
          .map(party => party!.ref)
      : [];
    let level = 0;
    if (holders.length < settings.specialists.minimumHolders) {
      level = holders.length === 0 ? 2 : 1;
    }
    const title = SPECIALIST_ROLE_INFO[role].title;
    return [
      {
        key,
        kind: 'specialists' as const,
        level,
        threshold: 1,
        recipients: unique([...team.members, ...holders]),
        title:
          holders.length === 0
            ? `${team.title} has no ${title.toLocaleLowerCase(
                'en-US',
              )} any more`
            : `${team.title} has one ${title.toLocaleLowerCase('en-US')} left`,
        description:
          holders.length === 0
            ? `Nobody holds the ${title} role for ${team.title}; name a primary and a backup in ${SPECIALIST_ROLE_INFO[role].annotation}.`
            : `Only ${displayName(holders[0])} holds the ${title} role for ${
                team.title
              }: a single point of failure. Add a backup in ${
                SPECIALIST_ROLE_INFO[role].annotation
              }.`,
        severity: level >= 2 ? 'high' : 'normal',
        link: entityLink(team.teamRef),
      },
    ];
  });
}

function unique(refs: string[]): string[] {
  return [...new Set(refs)];
}

function decimal(value: number): string {
  return String(Math.round(value * 10) / 10);
}

function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}
