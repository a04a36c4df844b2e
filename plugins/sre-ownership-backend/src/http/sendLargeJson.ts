import express from 'express';
import { promisify } from 'node:util';
import { constants, gzip } from 'node:zlib';

const gzipAsync = promisify(gzip);

/** Below this a body is left to the backend's own compression. */
const MIN_BYTES = 64 * 1024;

/**
 * Sends an already serialised JSON document of up to a few megabytes (a
 * page of the bulk ownership route). When the client accepts gzip, the body
 * is compressed here in one piece at a fast level on the thread pool; the
 * backend's compression middleware then leaves it alone (it skips bodies
 * that already carry a Content-Encoding). Its streaming default level costs
 * several times more for a page of this size, on both ends.
 */
export async function sendLargeJson(
  req: Pick<express.Request, 'acceptsEncodings'>,
  res: express.Response,
  body: Buffer | string,
): Promise<void> {
  const bytes = typeof body === 'string' ? Buffer.from(body) : body;
  res.type('application/json');
  res.vary('Accept-Encoding');
  if (bytes.length < MIN_BYTES || req.acceptsEncodings('gzip') !== 'gzip') {
    res.end(bytes);
    return;
  }
  const compressed = await gzipAsync(bytes, { level: constants.Z_BEST_SPEED });
  res.setHeader('Content-Encoding', 'gzip');
  res.end(compressed);
}
