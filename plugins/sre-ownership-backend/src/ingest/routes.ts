import {
  sreOwnershipAlertsReceivePermission,
  sreOwnershipEventsCreatePermission,
} from '@sre-ownership/plugin-sre-ownership-common';
import express from 'express';
import { capabilityRoutes } from '../http/apiRouter';
import { rawBodyOf } from '../http/bodyParsing';
import { RouteAccess } from '../http/routeAccess';
import { AlertmanagerPayload } from './alertmanager';
import { EventIngestion } from './EventIngestion';
import { ingestionContract } from './ingestSpec';
import { PagerDutyWebhook } from './pagerduty';

/**
 * Refuses a PagerDuty delivery whose signature does not match. The
 * signature is PagerDuty's credential: checked before the body's schema,
 * so an unsigned caller learns nothing about what is accepted.
 */
export function pagerDutySignature(
  ingestion: Pick<EventIngestion, 'verifyPagerDutySignature'>,
): express.RequestHandler {
  return (req, _res, next) => {
    try {
      ingestion.verifyPagerDutySignature({
        rawBody: rawBodyOf(req),
        header: req.header('x-pagerduty-signature'),
      });
      next();
    } catch (error) {
      next(error);
    }
  };
}

/**
 * The bulk events API and the Alertmanager and PagerDuty webhooks. Machines
 * call these hundreds of times a second in an alert storm, so they have a
 * validator of their own over just their paths.
 */
export function ingestionRoutes(options: {
  ingestion: EventIngestion;
  access: RouteAccess;
}): express.RequestHandler {
  const { ingestion, access } = options;
  return capabilityRoutes<typeof ingestionContract>(
    ingestionContract,
    router => {
      router.post('/events', async (req, res) => {
        const result = await access.audited('events-ingest', req, async () => {
          await access.authorize(req, sreOwnershipEventsCreatePermission);
          return ingestion.ingestBatch(req.body);
        });
        res.status(201).json(result);
      });

      router.post('/webhooks/alertmanager', async (req, res) => {
        const result = await access.audited(
          'alertmanager-webhook',
          req,
          async () => {
            await access.authorize(req, sreOwnershipAlertsReceivePermission);
            return ingestion.ingestAlertmanager(
              req.body as AlertmanagerPayload,
            );
          },
        );
        res.status(201).json(result);
      });

      // Open to anyone (PagerDuty sends no Backstage token): the signature is
      // the credential, checked by the ingestion before anything is read.
      router.post('/webhooks/pagerduty', async (req, res) => {
        const result = await access.audited('pagerduty-webhook', req, () =>
          ingestion.ingestPagerDuty(req.body as PagerDutyWebhook, {
            rawBody: rawBodyOf(req),
            header: req.header('x-pagerduty-signature'),
          }),
        );
        res.status(202).json(result);
      });
    },
  );
}
