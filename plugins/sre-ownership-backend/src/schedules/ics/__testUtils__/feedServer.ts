import {
  createServer,
  IncomingMessage,
  Server,
  ServerResponse,
} from 'node:http';
import { AddressInfo } from 'node:net';
import { mockServices } from '@backstage/backend-test-utils';
import { UrlReaders } from '@backstage/backend-defaults/urlReader';
import { ConfigReader } from '@backstage/config';

/** A local HTTP server answering as each test tells it. */
export async function startFeedServer(
  handle: (req: IncomingMessage, res: ServerResponse) => void,
): Promise<{
  server: Server;
  origin: string;
  host: string;
  close(): Promise<void>;
}> {
  const server = createServer(handle);
  await new Promise<void>(done => server.listen(0, '127.0.0.1', done));
  const host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    server,
    origin: `http://${host}`,
    host,
    close: () => {
      server.closeAllConnections();
      return new Promise(done => server.close(() => done()));
    },
  };
}

/**
 * The backend's own URL reader, allowing only the given hosts, as an
 * operator configures `backend.reading.allow`.
 */
export function aUrlReader(...hosts: string[]) {
  return UrlReaders.default({
    config: new ConfigReader({
      backend: { reading: { allow: hosts.map(host => ({ host })) } },
    }),
    logger: mockServices.logger.mock(),
  });
}
