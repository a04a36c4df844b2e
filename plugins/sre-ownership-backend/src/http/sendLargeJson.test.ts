import express from 'express';
import { get } from 'node:http';
import { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';
import { sendLargeJson } from './sendLargeJson';

const large = JSON.stringify({
  items: Array.from({ length: 5_000 }, (_, i) => ({
    entityRef: `component:default/c-${i}`,
  })),
});
const small = JSON.stringify({ items: [] });

/**
 * GETs the page from `body`'s app with a raw HTTP client, which leaves the
 * bytes as they came over the wire.
 */
async function fetchRaw(body: string, acceptEncoding: string) {
  const app = express();
  app.get('/page', async (req, res) => {
    await sendLargeJson(req, res, Buffer.from(body));
  });
  const server = app.listen(0);
  try {
    const { port } = server.address() as AddressInfo;
    return await new Promise<{
      headers: Record<string, string | string[] | undefined>;
      body: Buffer;
    }>((resolve, reject) => {
      get(
        `http://127.0.0.1:${port}/page`,
        { headers: { 'Accept-Encoding': acceptEncoding } },
        res => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () =>
            resolve({ headers: res.headers, body: Buffer.concat(chunks) }),
          );
        },
      ).on('error', reject);
    });
  } finally {
    server.close();
  }
}

describe('sendLargeJson', () => {
  it('gzips a large page for a client that accepts gzip', async () => {
    const response = await fetchRaw(large, 'gzip, deflate');
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    expect(response.headers['content-encoding']).toBe('gzip');
    expect(response.headers.vary).toMatch(/Accept-Encoding/);
    expect(response.body.length).toBeLessThan(large.length / 5);
    expect(gunzipSync(response.body).toString()).toBe(large);
  });

  it('sends a large page as it is to a client that does not accept gzip', async () => {
    const response = await fetchRaw(large, 'identity');
    expect(response.headers['content-encoding']).toBeUndefined();
    expect(response.body.toString()).toBe(large);
  });

  it('leaves a small body to the backend’s own compression', async () => {
    const response = await fetchRaw(small, 'gzip');
    expect(response.headers['content-encoding']).toBeUndefined();
    expect(response.body.toString()).toBe(small);
  });
});
