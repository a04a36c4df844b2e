import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import notificationsPlugin from '@backstage/plugin-notifications-backend';
import { Notification } from '@backstage/plugin-notifications-common';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  NotificationService,
  notificationService,
} from '@backstage/plugin-notifications-node';
import request from 'supertest';

/**
 * Starts the real notifications plugin over a mock catalog of `entities`,
 * with the notification service a plugin would be given to send through, and
 * each user's inbox as the notifications API answers it.
 */
export async function startNotificationsBackend(entities: Entity[]) {
  let notifications: NotificationService | undefined;
  const backend = await startTestBackend({
    features: [
      notificationsPlugin,
      mockServices.rootConfig.factory({
        data: { app: { baseUrl: 'http://localhost:3000' } },
      }),
      catalogServiceMock.factory({ entities }),
      createBackendPlugin({
        pluginId: 'capture',
        register(env) {
          env.registerInit({
            deps: {
              notifications: notificationService,
              logger: coreServices.logger,
            },
            async init(deps) {
              notifications = deps.notifications;
            },
          });
        },
      }),
    ],
  });
  /** The notifications of `user:default/<name>`. */
  const inbox = async (name: string): Promise<Notification[]> => {
    const response = await request(backend.server)
      .get('/api/notifications/notifications')
      .set(
        'Authorization',
        mockCredentials.user.header(`user:default/${name}`),
      );
    expect(response.status).toBe(200);
    return response.body.notifications;
  };
  return { backend, notifications: notifications!, inbox };
}
