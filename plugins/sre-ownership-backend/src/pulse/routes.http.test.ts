import {
  mockCredentials,
  mockErrorHandler,
  mockServices,
} from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import express from 'express';
import request from 'supertest';
import { createRouteAccess } from '../http/routeAccess';
import { PulseService } from './PulseService';
import { pulseRoutes } from './routes';

const comments = {
  teamRef: 'group:default/payments',
  period: { from: '2026-10-05', to: '2026-11-02' },
  comments: ['Too many pages at night'],
};

const invitation = {
  id: 'invitation-1',
  teamRef: 'group:default/payments',
  period: { from: '2026-11-02', to: '2026-11-30' },
  state: 'answered',
  answerBy: '2026-11-16T09:00:00.000Z',
};

function anApp(
  result: AuthorizeResult.ALLOW | AuthorizeResult.DENY,
  auditor = mockServices.auditor.mock(),
) {
  const authorized: unknown[] = [];
  const permissions = mockServices.permissions({ result });
  const authorize = permissions.authorize.bind(permissions);
  permissions.authorize = async (requests, options) => {
    authorized.push(...requests);
    return authorize(requests, options);
  };
  const api = pulseRoutes({
    pulse: {
      getComments: async () => comments,
      answer: async () => invitation,
    } as unknown as PulseService,
    access: createRouteAccess({
      auth: mockServices.auth(),
      httpAuth: mockServices.httpAuth({
        defaultCredentials: mockCredentials.user('user:default/ada-head'),
      }),
      permissions,
      auditor,
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

describe('pulse answer route', () => {
  it('audits that the caller answered, and nothing of the answer, its team or period', async () => {
    const auditor = mockServices.auditor.mock();
    const event = { success: jest.fn(), fail: jest.fn() };
    auditor.createEvent.mockResolvedValue(event);
    const { app } = anApp(AuthorizeResult.ALLOW, auditor);
    const response = await request(app)
      .post('/pulse/invitations/invitation-1/answer')
      .send({
        scores: { sustainable: 2, sleep: 1, actionable: 4 },
        comment: 'The 3 am pages were all one flaky check',
      });
    expect(response.status).toBe(201);
    expect(response.body).toEqual(invitation);
    expect(auditor.createEvent).toHaveBeenCalledWith(
      expect.objectContaining({ eventId: 'pulse-answer' }),
    );
    expect(event.success).toHaveBeenCalledWith({ meta: {} });
    const audited = JSON.stringify([
      event.success.mock.calls,
      auditor.createEvent.mock.calls.map(([options]) => ({
        ...options,
        request: undefined,
      })),
    ]);
    expect(audited).not.toMatch(/flaky|sustainable|payments|2026-11/);
  });
});
