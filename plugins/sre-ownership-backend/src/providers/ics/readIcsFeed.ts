import { readFile, stat } from 'node:fs/promises';
import { isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UrlReaderService } from '@backstage/backend-plugin-api';

const FETCH_TIMEOUT_MS = 30_000;
/**
 * Largest feed read: PagerDuty's export of a busy schedule for a year is
 * well under 1 MB; 5 MB leaves room and keeps memory bounded.
 */
export const MAX_FEED_BYTES = 5 * 1024 * 1024;

const tooLarge = (bytes: number | string, max: number) =>
  new Error(`is ${bytes} bytes; at most ${max} are read`);

async function textWithin(response: Response, max: number): Promise<string> {
  const declared = Number(response.headers.get('content-length'));
  if (declared > max) throw tooLarge(declared, max);
  const reader = response.body?.getReader();
  if (!reader) return '';
  const parts: Uint8Array[] = [];
  let total = 0;
  for (let part = await reader.read(); !part.done; part = await reader.read()) {
    total += part.value.byteLength;
    if (total > max) {
      await reader.cancel();
      throw tooLarge(`more than ${max}`, max);
    }
    parts.push(part.value);
  }
  return Buffer.concat(parts).toString('utf8');
}
const SCHEME = /^([a-z][a-z0-9+.-]*):/i;

function localPath(url: string, baseDir: string): string | undefined {
  const scheme = SCHEME.exec(url)?.[1]?.toLowerCase();
  let path: string;
  if (scheme === undefined) {
    path = url;
  } else if (scheme !== 'file') {
    return undefined;
  } else if (url.startsWith('file://')) {
    path = fileURLToPath(url);
  } else {
    // `file:../x.ics` is not a valid URL, but is the natural way to write a
    // path relative to the backend in catalog-info.yaml.
    path = decodeURIComponent(url.slice('file:'.length));
  }
  // An annotation can name any path; reading only .ics files keeps a catalog
  // author from pointing the backend at its own secrets.
  if (!path.toLowerCase().endsWith('.ics')) {
    throw new Error('a local schedule feed must be an .ics file');
  }
  return isAbsolute(path) ? path : resolve(baseDir, path);
}

/**
 * Reads the text of an iCalendar schedule feed. `https:`, `http:` and
 * `webcal:` URLs (PagerDuty's subscription links) are fetched; `file:` URLs
 * and plain paths are read from disk, relative ones against `baseDir`.
 *
 * Errors never contain the URL, which often embeds an access token.
 */
export async function readIcsFeed(
  url: string,
  options: {
    baseDir: string;
    signal?: AbortSignal;
    /** Only feeds an administrator listed in app-config may be local files. */
    allowLocalFiles: boolean;
    /**
     * Reads http(s) feeds under the backend's `backend.reading.allow` rules,
     * so a catalog author cannot make the backend fetch any address.
     */
    urlReader?: UrlReaderService;
    /** Largest feed read, in bytes; {@link MAX_FEED_BYTES} by default. */
    maxBytes?: number;
  },
): Promise<string> {
  const max = options.maxBytes ?? MAX_FEED_BYTES;
  const path = localPath(url, options.baseDir);
  if (path) {
    if (!options.allowLocalFiles) {
      throw new Error(
        'a schedule-url annotation cannot name a local file; list local feeds in app-config (sreOwnership.schedules)',
      );
    }
    const { size } = await stat(path);
    if (size > max) throw tooLarge(size, max);
    return readFile(path, { encoding: 'utf8', signal: options.signal });
  }
  const scheme = SCHEME.exec(url)![1].toLowerCase();
  let target = url;
  if (scheme === 'webcal' || scheme === 'webcals') {
    target = `https:${url.slice(scheme.length + 1)}`;
  } else if (scheme !== 'https' && scheme !== 'http') {
    throw new Error(`${scheme}: URLs are not supported for schedule feeds`);
  }
  if (options.urlReader) {
    const response = await options.urlReader.readUrl(target, {
      signal: options.signal,
    });
    const body = await response.buffer();
    if (body.byteLength > max) throw tooLarge(body.byteLength, max);
    return body.toString('utf8');
  }
  const timeout = AbortSignal.timeout(FETCH_TIMEOUT_MS);
  const response = await fetch(target, {
    headers: { accept: 'text/calendar, text/plain;q=0.5, */*;q=0.1' },
    signal: options.signal
      ? AbortSignal.any([options.signal, timeout])
      : timeout,
  });
  if (!response.ok) {
    throw new Error(`HTTP ${response.status} ${response.statusText}`.trim());
  }
  return textWithin(response, max);
}
