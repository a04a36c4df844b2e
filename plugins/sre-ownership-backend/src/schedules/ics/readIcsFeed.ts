import { createReadStream } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { UrlReaderService } from '@backstage/backend-plugin-api';
import {
  fileReadFailure,
  FeedError,
  maskFeedUrl,
  urlReadFailure,
} from './feedErrors';

/**
 * Largest feed read: PagerDuty's export of a busy schedule for a year is
 * well under 1 MB; 5 MB leaves room and keeps memory bounded.
 */
export const MAX_FEED_BYTES = 5 * 1024 * 1024;

const tooLarge = (max: number) =>
  new FeedError(`is larger than ${max} bytes; at most ${max} are read`);

/**
 * The bytes of a stream, refused as soon as more than `max` have arrived:
 * the stream is destroyed then, so an endless body costs at most `max`
 * plus the chunk that crossed it, never the whole body.
 */
async function readWithin(
  stream: Readable,
  max: number,
  failure: (error: unknown) => unknown,
): Promise<Buffer> {
  const parts: Uint8Array[] = [];
  let total = 0;
  try {
    for await (const chunk of stream) {
      const part: Uint8Array =
        typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      total += part.byteLength;
      if (total > max) throw tooLarge(max);
      parts.push(part);
    }
  } catch (error) {
    throw error instanceof FeedError ? error : failure(error);
  } finally {
    stream.destroy();
  }
  return Buffer.concat(parts);
}

const SCHEME = /^([a-z][a-z0-9+.-]*):/i;

function localPath(url: string, baseDir: string): string | undefined {
  const scheme = SCHEME.exec(url)?.[1]?.toLowerCase();
  let path: string;
  if (scheme === undefined) {
    path = url;
  } else if (scheme !== 'file') {
    return undefined;
  } else {
    try {
      // `file:../x.ics` is not a valid URL, but is the natural way to write
      // a path relative to the backend in app-config.
      path = url.startsWith('file://')
        ? fileURLToPath(url)
        : decodeURIComponent(url.slice('file:'.length));
    } catch {
      throw new FeedError('is a file: URL (file:…) that names no path');
    }
  }
  // A feed can name any path; reading only .ics files keeps a listed path
  // from pointing the backend at its own secrets.
  if (!path.toLowerCase().endsWith('.ics')) {
    throw new FeedError('is a local file (file:…) not ending in .ics');
  }
  return isAbsolute(path) ? path : resolve(baseDir, path);
}

function httpTarget(url: string): string {
  const scheme = SCHEME.exec(url)![1].toLowerCase();
  let target = url;
  if (scheme === 'webcal' || scheme === 'webcals') {
    target = `https:${url.slice(scheme.length + 1)}`;
  } else if (scheme !== 'https' && scheme !== 'http') {
    throw new FeedError(
      `is a ${scheme}: URL; only https, http and webcal are read`,
    );
  }
  let parsed: URL;
  try {
    parsed = new URL(target);
  } catch {
    throw new FeedError(`is not a valid ${scheme}: URL`);
  }
  if (parsed.username || parsed.password) {
    throw new FeedError(
      `is at ${maskFeedUrl(
        target,
      )} with a user name or password in the URL, which is not sent; put the feed's token in its path or query`,
    );
  }
  return target;
}

/** How {@link readIcsFeed} reads. */
export interface ReadIcsFeedOptions {
  baseDir: string;
  signal?: AbortSignal;
  /** Only feeds an administrator listed in app-config may be local files. */
  allowLocalFiles: boolean;
  /**
   * Reads http(s) feeds under the backend's `backend.reading.allow` rules,
   * redirects included, so a catalog author cannot make the backend fetch
   * any address.
   */
  urlReader: UrlReaderService;
  /** Largest feed read, in bytes; {@link MAX_FEED_BYTES} by default. */
  maxBytes?: number;
}

/**
 * The bytes of the text of an iCalendar schedule feed, read as a stream
 * and refused as soon as they pass the size limit. `https:`, `http:` and
 * `webcal:` URLs (PagerDuty's subscription links) are read through the URL
 * reader; `file:` URLs and plain paths ending in `.ics` from disk, relative
 * ones against `baseDir`.
 *
 * @throws FeedError, whose message never holds the URL, a redirect's
 *   target or a path (they often embed an access token); or, for a failure
 *   it does not know, that error as it is, for the caller to log masked.
 */
export async function readIcsFeed(
  url: string,
  options: ReadIcsFeedOptions,
): Promise<Buffer> {
  const max = options.maxBytes ?? MAX_FEED_BYTES;
  const path = localPath(url, options.baseDir);
  if (path) {
    if (!options.allowLocalFiles) {
      throw new FeedError(
        'is a local file, which a schedule-url annotation cannot name; list local feeds in app-config (sreOwnership.schedules)',
      );
    }
    // A stream even for a file: a named pipe or a device has no size to
    // check first.
    return readWithin(
      createReadStream(path, { signal: options.signal }),
      max,
      fileReadFailure,
    );
  }
  const target = httpTarget(url);
  // Ends the request once the body is read or refused, rather than leaving
  // an endless response open until the feed's time limit.
  const done = new AbortController();
  const signal = options.signal
    ? AbortSignal.any([options.signal, done.signal])
    : done.signal;
  try {
    let response;
    try {
      response = await options.urlReader.readUrl(target, { signal });
    } catch (error) {
      throw urlReadFailure(error, target);
    }
    const failure = (error: unknown) => urlReadFailure(error, target);
    if (response.stream)
      return await readWithin(response.stream(), max, failure);
    // A reader that cannot stream (none of Backstage's own) buffers the
    // body whole; its size can only be checked afterwards.
    const body = await response.buffer();
    if (body.byteLength > max) throw tooLarge(max);
    return body;
  } finally {
    done.abort();
  }
}
