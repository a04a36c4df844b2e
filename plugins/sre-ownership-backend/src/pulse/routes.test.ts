import { createValidatedOpenApiRouter } from '@backstage/backend-openapi-utils';
import {
  mockCredentials,
  mockErrorHandler,
  mockServices,
} from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import express from 'express';
import request from 'supertest';
import { spec } from '../schema/openapi';
import { createRouteAccess } from '../service/routeAccess';
import { PulseService } from './PulseService';
import { registerPulseRoutes } from './routes';

const comments = {
  teamRef: 'group:default/payments',
  period: { from: '2026-10-05', to: '2026-11-02' },
  comments: ['Too many pages at night'],
};

function anApp(result: AuthorizeResult.ALLOW | AuthorizeResult.DENY) {
  const authorized: unknown[] = [];
  const permissions = mockServices.permissions({ result });
  const authorize = permissions.authorize.bind(permissions);
  permissions.authorize = async (requests, options) => {
    authorized.push(...requests);
    return authorize(requests, options);
  };
  const api = createValidatedOpenApiRouter(spec);
  registerPulseRoutes(api, {
    pulse: { getComments: async () => comments } as unknown as PulseService,
    access: createRouteAccess({
      auth: mockServices.auth(),
      httpAuth: mockServices.httpAuth({
        defaultCredentials: mockCredentials.user('user:default/ada-head'),
      }),
      permissions,
      auditor: mockServices.auditor.mock(),
    }),
  });
  const app = express().use(express.json()).use(api).use(mockErrorHandler());
  return { app, authorized };
}

describe('pulse comments route', () => {
  it('asks for sre-ownership.pulse.comments.read on the team', async () => {
    const { app, authorized } = anApp(AuthorizeResult.ALLOW);
    const response = await request(app).get(
      '/teams/default/payments/pulse/comments',
    );
    expect(response.status).toBe(200);
    expect(response.body).toEqual(comments);
    expect(authorized).toEqual([
      expect.objectContaining({
        permission: expect.objectContaining({
          name: 'sre-ownership.pulse.comments.read',
        }),
        resourceRef: 'group:default/payments',
      }),
    ]);
  });

  it('refuses without the permission and shows no comment', async () => {
    const { app } = anApp(AuthorizeResult.DENY);
    const response = await request(app).get(
      '/teams/default/payments/pulse/comments',
    );
    expect(response.status).toBe(403);
    expect(response.body.error.message).toMatch(
      /sre-ownership.pulse.comments.read/,
    );
    expect(JSON.stringify(response.body)).not.toContain('Too many pages');
  });
});
