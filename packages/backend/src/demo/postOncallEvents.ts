import { AuthService, DiscoveryService } from '@backstage/backend-plugin-api';
import { OncallEventBatch } from './demoOncallHistory';

/**
 * Sends a batch to `POST /api/sre-ownership/events` with this backend's own
 * service credentials, retrying while the plugin is not ready yet (503) or
 * not reachable, for up to `timeoutMs`.
 */
export async function postOncallEvents(options: {
  batch: OncallEventBatch;
  auth: AuthService;
  discovery: DiscoveryService;
  timeoutMs?: number;
}): Promise<unknown> {
  const { batch, auth, discovery } = options;
  const deadline = Date.now() + (options.timeoutMs ?? 120_000);
  const body = JSON.stringify(batch);
  for (;;) {
    const { token } = await auth.getPluginRequestToken({
      onBehalfOf: await auth.getOwnServiceCredentials(),
      targetPluginId: 'sre-ownership',
    });
    const baseUrl = await discovery.getBaseUrl('sre-ownership');
    const response = await fetch(`${baseUrl}/events`, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${token}`,
        'Content-Type': 'application/json',
      },
      body,
    }).catch(() => undefined);
    if (response?.ok) return response.json();
    const retryable = !response || response.status === 503;
    if (!retryable || Date.now() > deadline) {
      throw new Error(
        response
          ? `POST ${baseUrl}/events answered ${
              response.status
            }: ${await response.text()}`
          : `POST ${baseUrl}/events did not answer`,
      );
    }
    await new Promise(resolve => setTimeout(resolve, 2000));
  }
}
