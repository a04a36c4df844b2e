import {
  mockCredentials,
  mockErrorHandler,
  mockServices,
} from '@backstage/backend-test-utils';
import { ServiceUnavailableError } from '@backstage/errors';
import express from 'express';
import request from 'supertest';
import { PluginReadiness } from '../health/PluginReadiness';
import { BurdenService } from './BurdenService';
import { EventIngestion } from './EventIngestion';
import { OwnershipResolver } from './OwnershipResolver';
import { SloService } from '../slo/SloService';
import { OverviewService } from '../overview/OverviewService';
import { TeamReports } from '../overview/TeamReports';
import { createRouter } from './router';

const aPage = {
  source: 'api',
  externalId: 'p-1',
  teamRef: 'group:default/payments',
  severity: 'high',
  triggeredAt: '2026-03-03T02:00:00Z',
};

async function anApp(ingestion: Partial<EventIngestion>) {
  const readiness = new PluginReadiness([]);
  readiness.markStarted();
  const router = await createRouter({
    httpAuth: mockServices.httpAuth(),
    ownership: {} as OwnershipResolver,
    burden: {} as BurdenService,
    ingestion: ingestion as EventIngestion,
    readiness,
    slos: {} as SloService,
    overview: { service: {} as OverviewService, teams: {} as TeamReports },
  });
  return express().use(router).use(mockErrorHandler());
}

describe('createRouter', () => {
  it('answers a body that is not JSON with 415 and stores nothing', async () => {
    const ingestBatch = jest.fn();
    const response = await request(await anApp({ ingestBatch }))
      .post('/events')
      .set('Authorization', mockCredentials.user.header())
      .set('content-type', 'text/plain')
      .send(JSON.stringify({ pages: [aPage] }));
    expect(response.status).toBe(415);
    expect(response.body.error.message).toContain('send application/json');
    expect(ingestBatch).not.toHaveBeenCalled();
  });

  it('answers a body over the route limit with 413 and stores nothing', async () => {
    const ingestAlertmanager = jest.fn();
    const response = await request(await anApp({ ingestAlertmanager }))
      .post('/webhooks/alertmanager')
      .set('Authorization', mockCredentials.user.header())
      .send({ version: '4', alerts: [], padding: 'x'.repeat(1_100_000) });
    expect(response.status).toBe(413);
    expect(response.body.error.message).toContain('accepts at most 1mb');
    expect(ingestAlertmanager).not.toHaveBeenCalled();
  });

  it('names a missing or unknown field of a batch before any service runs', async () => {
    const ingestBatch = jest.fn();
    const app = await anApp({ ingestBatch });
    const missing = await request(app)
      .post('/events')
      .set('Authorization', mockCredentials.user.header())
      .send({ pages: [aPage, { ...aPage, triggeredAt: undefined }] });
    expect(missing.status).toBe(400);
    expect(missing.body.error.message).toBe(
      'Rejected the whole delivery, nothing was stored: pages[1].triggeredAt: is required',
    );
    const unknown = await request(app)
      .post('/events')
      .set('Authorization', mockCredentials.user.header())
      .send({ pages: [{ ...aPage, resolvedat: '2026-03-03T03:00:00Z' }] });
    expect(unknown.body.error.message).toContain(
      'pages[0].resolvedat: is not a field here',
    );
    expect(ingestBatch).not.toHaveBeenCalled();
  });

  it('answers a busy database with a 503 that says when to send again', async () => {
    const ingestBatch = jest
      .fn()
      .mockRejectedValue(
        new ServiceUnavailableError('The database is busy; nothing was stored'),
      );
    const app = await anApp({ ingestBatch });
    const response = await request(app)
      .post('/events')
      .set('Authorization', mockCredentials.user.header())
      .send({ pages: [aPage] });
    expect(response.status).toBe(503);
    expect(response.headers['retry-after']).toBe('5');
    expect(response.body.error.message).toContain('nothing was stored');
  });
});
