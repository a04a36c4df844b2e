import {
  AuthService,
  BackstageCredentials,
  DatabaseService,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { parseEntityRef } from '@backstage/catalog-model';
import { NotificationService } from '@backstage/plugin-notifications-node';
import { SloListItem } from '@sre-ownership/plugin-sre-ownership-common';
import { OwnershipResolver } from '../ownership/OwnershipResolver';
import { entityLink } from './conditions';
import {
  ConditionState,
  NotificationStateStore,
} from './NotificationStateStore';
import { NOTIFICATION_TOPICS, NotifySettings } from './notifyConfig';
import { decideSloBurns, sloBurnKey } from './sloBurnDecision';

/** What one round of SLO burn notifications did. */
export interface SloBurnRun {
  started: number;
  stopped: number;
  failed: number;
}

const capitalize = (text: string) =>
  text.charAt(0).toLocaleUpperCase('en-US') + text.slice(1);

const percent = (share: number | null) =>
  share === null ? '—' : `${Math.round(share * 1000) / 10}%`;

/**
 * Tells an SLO's guard (primary and backups) when its page-level fast burn
 * starts, and updates that notification when it stops, after each
 * scheduled SLO evaluation (docs/notifications.md).
 */
export class SloBurnNotifier {
  constructor(
    private readonly options: {
      auth: AuthService;
      ownership: OwnershipResolver;
      notifications: NotificationService;
      store: NotificationStateStore;
      logger: LoggerService;
      now?: () => Date;
    },
  ) {}

  async notify(run: { items: SloListItem[] }): Promise<SloBurnRun> {
    const { store, logger } = this.options;
    const stored = await store.list();
    const now = (this.options.now?.() ?? new Date()).getTime();
    const { started, stopped, states } = decideSloBurns(run.items, stored, now);
    if (!started.length && !stopped.length) {
      await store.save(states);
      return { started: 0, stopped: 0, failed: 0 };
    }
    const credentials = await this.options.auth.getOwnServiceCredentials();
    let failed = 0;
    const send = async (item: SloListItem, burning: boolean) => {
      try {
        await this.send(item, burning, credentials);
      } catch (error) {
        failed += 1;
        // Keep the old state so the next evaluation tries again.
        const key = sloBurnKey(item);
        const previous: ConditionState | undefined = stored.get(key);
        if (previous) states.set(key, previous);
        else states.delete(key);
        logger.warn(`Could not send the notification ${key}: ${error}`);
      }
    };
    for (const item of started) await send(item, true);
    for (const item of stopped) await send(item, false);
    await store.save(states);
    return { started: started.length, stopped: stopped.length, failed };
  }

  /** The SLO guard and backups of the entity; its reliability owners when it has none. */
  private async recipients(
    entityRef: string,
    credentials: BackstageCredentials,
  ): Promise<{ refs: string[]; asGuard: boolean }> {
    const ownership = await this.options.ownership.getOwnership(
      parseEntityRef(entityRef),
      credentials,
    );
    const guard = ownership.specialists.find(s => s.role === 'slo-guard');
    const guards = [guard?.primary, ...(guard?.backups ?? [])]
      .filter(party => party?.exists)
      .map(party => party!.ref);
    if (guards.length) return { refs: [...new Set(guards)], asGuard: true };
    return {
      refs: ownership.reliabilityOwners
        .filter(party => party.exists)
        .map(party => party.ref),
      asGuard: false,
    };
  }

  private async send(
    item: SloListItem,
    burning: boolean,
    credentials: BackstageCredentials,
  ): Promise<void> {
    const { refs, asGuard } = await this.recipients(
      item.entityRef,
      credentials,
    );
    if (!refs.length) return;
    const name = item.entityTitle ?? parseEntityRef(item.entityRef).name;
    const why = asGuard
      ? 'You are its SLO guard.'
      : 'It has no SLO guard; you own its reliability.';
    await this.options.notifications.send({
      recipients: { type: 'entity', entityRef: refs },
      payload: burning
        ? {
            title: `${item.displayName} of ${name} is burning its error budget fast`,
            description: `${why} ${capitalize(
              item.summary ?? 'burning at page level',
            )}; ${percent(item.budgetRemaining)} of its ${
              item.window
            } budget left.`,
            link: entityLink(item.entityRef),
            severity: 'critical',
            topic: NOTIFICATION_TOPICS.slo,
            scope: sloBurnKey(item),
          }
        : {
            title: `Resolved: ${item.displayName} of ${name} stopped burning fast`,
            description: `No page-level burn since ${item.evaluatedAt}: ${
              item.summary ?? `burn state ${item.burn}`
            }; ${percent(item.budgetRemaining)} of its ${
              item.window
            } budget left.`,
            link: entityLink(item.entityRef),
            severity: 'low',
            topic: NOTIFICATION_TOPICS.slo,
            scope: sloBurnKey(item),
          },
    });
  }
}

/**
 * What to do after each SLO evaluation: notify the guards of burns that
 * started or stopped, when notifications and their `slo` kind are enabled.
 */
export async function sloBurnNotifications(options: {
  auth: AuthService;
  ownership: OwnershipResolver;
  notifications: NotificationService;
  database: DatabaseService;
  logger: LoggerService;
  settings: NotifySettings;
}): Promise<((run: { items: SloListItem[] }) => Promise<void>) | undefined> {
  const { settings } = options;
  if (!settings.enabled || !settings.kinds.slo) return undefined;
  const notifier = new SloBurnNotifier({
    ...options,
    logger: options.logger.child({ task: 'sre-ownership-slo-burn' }),
    store: await NotificationStateStore.create({ database: options.database }),
  });
  return async run => {
    const result = await notifier.notify(run);
    if (result.started || result.stopped || result.failed) {
      options.logger.info(
        `SLO burns: ${result.started} started, ${result.stopped} stopped, ${result.failed} notifications failed`,
      );
    }
  };
}
