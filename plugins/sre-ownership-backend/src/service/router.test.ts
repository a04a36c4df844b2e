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
  });
  return express().use(router).use(mockErrorHandler());
}

describe('createRouter', () => {
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
