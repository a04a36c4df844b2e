import {
  AuthService,
  BackstageCredentials,
  LoggerService,
} from '@backstage/backend-plugin-api';
import {
  Entity,
  getCompoundEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { NotificationService } from '@backstage/plugin-notifications-node';
import { ResolvedOwnership } from '@sre-ownership/plugin-sre-ownership-common';
import { BurdenService } from '../burden/BurdenService';
import { OnCallNowReader } from '../oncall/OnCallNowReader';
import { OwnershipResolver } from '../ownership/OwnershipResolver';
import {
  NotificationCondition,
  TeamFacts,
  coverageConditions,
  digestNotification,
  personalLimitConditions,
  specialistConditions,
  teamStatusCondition,
} from './conditions';
import { decide } from './decide';
import { NotificationStateStore } from './NotificationStateStore';
import { NOTIFICATION_TOPICS, NotifySettings } from './notifyConfig';

const PAGE_SIZE = 200;

/** What one evaluation did. */
export interface NotifierRun {
  conditions: number;
  sent: number;
  failed: number;
}

/**
 * The scheduled evaluation: computes every team's burden, every service's
 * coverage and every team's specialist roles, compares them with what was
 * seen last time and sends a notification for each condition that worsened.
 */
export class BurdenNotifier {
  constructor(
    private readonly options: {
      auth: AuthService;
      catalog: CatalogService;
      burden: BurdenService;
      ownership: OwnershipResolver;
      /** Who is on call now, for the coverage conditions. */
      onCall: OnCallNowReader;
      notifications: NotificationService;
      store: NotificationStateStore;
      settings: NotifySettings;
      logger: LoggerService;
      now?: () => Date;
    },
  ) {}

  async run(signal?: AbortSignal): Promise<NotifierRun> {
    const { auth, store, settings, logger } = this.options;
    const credentials = await auth.getOwnServiceCredentials();
    const stored = await store.list();
    const conditions = [
      ...(await this.teamConditions(credentials, key => stored.has(key))),
      ...(settings.kinds.coverage
        ? await this.coverageConditions(credentials)
        : []),
    ];
    if (signal?.aborted) return { conditions: 0, sent: 0, failed: 0 };
    const now = (this.options.now?.() ?? new Date()).getTime();
    const { notify, states } = decide(
      conditions,
      stored,
      now,
      settings.quietPeriodMs,
    );
    let failed = 0;
    let sent = 0;
    for (const group of inNotifications(notify)) {
      const notification = group[0].digest
        ? digestNotification(
            group,
            conditions.filter(c => c.digest?.key === group[0].digest?.key),
          )
        : group[0];
      try {
        await this.send(notification);
        sent += 1;
      } catch (error) {
        failed += 1;
        // Keep the old states so the next run tries again.
        for (const condition of group) {
          const previous = stored.get(condition.key);
          if (previous) states.set(condition.key, previous);
          else states.delete(condition.key);
        }
        logger.warn(
          `Could not send the notification ${notification.key}: ${error}`,
        );
      }
    }
    await store.save(states);
    return { conditions: conditions.length, sent, failed };
  }

  private async send(condition: NotificationCondition): Promise<void> {
    await this.options.notifications.send({
      recipients: { type: 'entity', entityRef: condition.recipients },
      payload: {
        title: condition.title,
        description: condition.description,
        link: condition.link,
        severity: condition.severity,
        topic: NOTIFICATION_TOPICS[condition.kind],
        scope: condition.key,
      },
    });
  }

  private async teamConditions(
    credentials: BackstageCredentials,
    tracked: (key: string) => boolean,
  ): Promise<NotificationCondition[]> {
    const { settings, catalog, burden } = this.options;
    if (!settings.kinds.burden && !settings.kinds.specialists) return [];
    const { items: groups } = await catalog.getEntities(
      { filter: { kind: 'Group' } },
      { credentials },
    );
    const resolved = new Map(
      (await this.resolveAll(['group'], credentials)).map(r => [
        r.entityRef,
        r,
      ]),
    );
    const conditions: NotificationCondition[] = [];
    for (const group of groups) {
      const ownership = resolved.get(stringifyEntityRef(group));
      const team = teamFacts(group, ownership);
      if (settings.kinds.burden) {
        const teamBurden = await burden.getTeamBurden(
          getCompoundEntityRef(group),
          {},
          credentials,
        );
        conditions.push(teamStatusCondition(team, teamBurden, settings));
        if (settings.burden.personalLimits) {
          conditions.push(...personalLimitConditions(team, teamBurden));
        }
      }
      if (settings.kinds.specialists && ownership) {
        conditions.push(
          ...specialistConditions(team, ownership, tracked, settings),
        );
      }
    }
    return conditions;
  }

  private async coverageConditions(
    credentials: BackstageCredentials,
  ): Promise<NotificationCondition[]> {
    const services = await this.resolveAll(['component'], credentials);
    const withOnCall = await Promise.all(
      services.map(service => this.options.onCall.addTo(service)),
    );
    return withOnCall.flatMap(coverageConditions);
  }

  private async resolveAll(
    kinds: string[],
    credentials: BackstageCredentials,
  ): Promise<ResolvedOwnership[]> {
    const all: ResolvedOwnership[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.options.ownership.listOwnership(
        { kinds, limit: PAGE_SIZE, cursor },
        credentials,
      );
      all.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    return all;
  }
}

/**
 * The conditions to notify, grouped into notifications: those sharing a
 * digest (one person's limits in one team and window) together, every other
 * on its own.
 */
function inNotifications(
  notify: NotificationCondition[],
): NotificationCondition[][] {
  const groups = new Map<string, NotificationCondition[]>();
  for (const condition of notify) {
    const key = condition.digest?.key ?? condition.key;
    groups.set(key, [...(groups.get(key) ?? []), condition]);
  }
  return [...groups.values()];
}

/** A Group's name for people, direct members and declared role holders. */
function teamFacts(
  group: Entity,
  ownership: ResolvedOwnership | undefined,
): TeamFacts {
  const teamRef = stringifyEntityRef(group);
  const profile = group.spec?.profile as { displayName?: string } | undefined;
  const roleHolders = (ownership?.specialists ?? [])
    .filter(s => s.source?.type === 'entity' && s.source.entityRef === teamRef)
    .flatMap(s => [s.primary, ...s.backups])
    .filter(party => party?.exists && party.kind === 'user')
    .map(party => party!.ref);
  return {
    teamRef,
    title: profile?.displayName ?? group.metadata.title ?? group.metadata.name,
    members: (group.relations ?? [])
      .filter(r => r.type === 'hasMember' && r.targetRef.startsWith('user:'))
      .map(r => r.targetRef),
    roleHolders,
  };
}
