import { LoggerService } from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { IngestBatcher } from './IngestBatcher';
import { OncallEventBatch, OncallStore } from '../oncall/OncallStore';
import { AlertmanagerPayload, pagesFromAlertmanager } from './alertmanager';
import {
  PagerDutyWebhook,
  pageFromPagerDuty,
  verifyPagerDutySignature,
} from './pagerduty';
import { pagerDutyDeliveryOf, pagerDutyNotice } from './pagerdutyEvents';
import { PageRouting } from './routing';
import { validateBatch } from './validateBatch';
import { CatalogSkeleton } from './CatalogSkeleton';

/** What an ingestion stored (a type alias, so it is a plain JSON object). */
export type IngestionResult = {
  shifts: number;
  pages: number;
  toil: number;
  /** Alerts or incidents that matched no entity or team, and were not stored. */
  unrouted?: number;
  /** Events of a type that is not read (e.g. PagerDuty's service.updated). */
  ignored?: number;
  /** Why nothing was stored, when a delivery was received but not read. */
  notice?: string;
};

/**
 * Receives on-call events from every source: validates them, routes them to
 * entities and teams, and writes each delivery whole, in a transaction it
 * may share with concurrent deliveries ({@link IngestBatcher}). Redelivered
 * events update the same rows. Knows nothing of HTTP: the router
 * authenticates, authorizes and audits.
 */
export class EventIngestion {
  private routing?: { entities: Entity[]; routing: PageRouting };
  private readonly writer: IngestBatcher;

  constructor(
    private readonly options: {
      store: OncallStore;
      skeleton: CatalogSkeleton;
      /** Secrets a PagerDuty signature may be made with (several while rotating). */
      pagerDutySecrets: string[];
      logger?: LoggerService;
      /** Longest wait for a delivery's commit before a 503; 5 s if unset. */
      deliveryDeadlineMs?: number;
    },
  ) {
    this.writer = new IngestBatcher(options.store, {
      deadlineMs: options.deliveryDeadlineMs,
    });
  }

  private readonly reportedConflicts = new Set<string>();

  /** Stores a bulk batch, or refuses all of it. */
  async ingestBatch(body: unknown): Promise<IngestionResult> {
    const batch = validateBatch(body);
    await this.writer.ingest(batch);
    return counts(batch);
  }

  /** Stores the pages of an Alertmanager notification, or refuses all of it. */
  async ingestAlertmanager(
    payload: AlertmanagerPayload,
  ): Promise<IngestionResult> {
    const { pages, unrouted } = pagesFromAlertmanager(
      payload,
      await this.pageRouting(),
    );
    if (pages.length) await this.writer.ingest({ pages });
    return { ...counts({ pages }), unrouted };
  }

  /**
   * Throws an AuthenticationError (401) unless the delivery is signed with
   * one of the configured PagerDuty webhook secrets.
   */
  verifyPagerDutySignature(signature: {
    rawBody: Buffer | undefined;
    header: string | undefined;
  }): void {
    verifyPagerDutySignature({
      ...signature,
      secrets: this.options.pagerDutySecrets,
    });
  }

  /**
   * Stores the page update of a PagerDuty webhook whose signature matches a
   * configured secret (an AuthenticationError otherwise). A ping and event
   * types that are not read store nothing and say so; a v2 webhook is
   * refused with what to subscribe to instead.
   */
  async ingestPagerDuty(
    webhook: PagerDutyWebhook,
    signature: { rawBody: Buffer | undefined; header: string | undefined },
  ): Promise<IngestionResult> {
    this.verifyPagerDutySignature(signature);
    const delivery = pagerDutyDeliveryOf(webhook);
    if (delivery.kind !== 'incident') {
      return {
        ...counts({}),
        ...(delivery.kind === 'ignored' ? { ignored: 1 } : {}),
        notice: pagerDutyNotice(delivery),
      };
    }
    const routing = await this.pageRouting();
    const serviceId = webhook.event.data.service?.id;
    const page = pageFromPagerDuty(webhook, {
      target: serviceId ? routing.forPagerDutyService(serviceId) : {},
      responderRef:
        webhook.event.agent?.type === 'user_reference'
          ? await this.userNamed(webhook.event.agent.summary)
          : undefined,
    });
    if (page) await this.writer.ingest({ pages: [page] });
    return {
      ...counts({ pages: page ? [page] : [] }),
      unrouted: page ? 0 : 1,
    };
  }

  // Rebuilt only when the catalog outline has been refreshed.
  private async pageRouting(): Promise<PageRouting> {
    const entities = await this.options.skeleton.all();
    if (this.routing?.entities !== entities) {
      this.routing = { entities, routing: new PageRouting(entities) };
      for (const conflict of this.routing.routing.conflicts()) {
        if (this.reportedConflicts.has(conflict)) continue;
        this.reportedConflicts.add(conflict);
        this.options.logger?.warn(
          `Pages will not be routed by ${conflict}; give each one owner`,
        );
      }
    }
    return this.routing.routing;
  }

  /** The one User with this name or display name; none when two share it. */
  private async userNamed(
    name: string | undefined,
  ): Promise<string | undefined> {
    if (!name) return undefined;
    const wanted = name.toLocaleLowerCase('en-US');
    const matches = (await this.options.skeleton.all()).filter(
      entity =>
        entity.kind === 'User' &&
        [
          entity.metadata.name,
          (entity.spec?.profile as { displayName?: string } | undefined)
            ?.displayName,
        ].some(candidate => candidate?.toLocaleLowerCase('en-US') === wanted),
    );
    return matches.length === 1 ? stringifyEntityRef(matches[0]) : undefined;
  }
}

/**
 * The records a batch stores: two reports of one record (same source and
 * externalId) are one stored row, so they count once.
 */
function distinct(records: Array<{ source: string; externalId: string }> = []) {
  return new Set(records.map(r => JSON.stringify([r.source, r.externalId])))
    .size;
}

function counts(batch: OncallEventBatch): IngestionResult {
  return {
    shifts: distinct(batch.shifts),
    pages: distinct(batch.pages),
    toil: distinct(batch.toil),
  };
}
