import { STATUS_CODES } from 'node:http';

/**
 * Why a schedule feed was not stored, in words that are safe to show to any
 * signed-in user and to store: it names the feed's host at most, never its
 * URL, path, query or a redirect target's path, which often hold an access
 * token. Build the message only from {@link maskFeedUrl} and fixed text;
 * anything else a feed fails with is replaced by {@link feedFailure}.
 */
export class FeedError extends Error {
  name = 'FeedError';
}

/**
 * A feed URL as it may be shown: scheme, host and port, with the path
 * replaced by `…`; `file:…` for a local file; never a query, userinfo or
 * path segment, any of which may be a token.
 */
export function maskFeedUrl(url: string): string {
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1]?.toLowerCase();
  if (scheme === undefined || scheme === 'file') return 'file:…';
  try {
    const { host } = new URL(url);
    return host ? `${scheme}://${host}/…` : `${scheme}:…`;
  } catch {
    return `${scheme}:…`;
  }
}

const URL_IN_TEXT = /\b[a-z][a-z0-9+.-]*:\/\/[^\s'"<>,)]+/gi;
const QUOTED_PATH = /'(?:[a-z]:)?[\\/][^']*'/gi;
// A log line stays readable; an SQL statement with 5,000 rows would not.
const MAX_LOGGED_DETAIL = 1_000;

/**
 * Error text as it may be logged: the given secrets (a feed's URL, the
 * address it was fetched from, its local path), any other URL and any
 * quoted absolute path replaced by their masked form, cut to a bounded
 * length.
 */
export function maskForLog(text: string, secrets: string[]): string {
  let masked = text;
  for (const secret of secrets
    .filter(Boolean)
    .sort((a, b) => b.length - a.length)) {
    masked = masked.split(secret).join(maskFeedUrl(secret));
  }
  masked = masked
    .replace(URL_IN_TEXT, found => maskFeedUrl(found))
    .replace(QUOTED_PATH, "'file:…'");
  return masked.length > MAX_LOGGED_DETAIL
    ? `${masked.slice(0, MAX_LOGGED_DETAIL)}…`
    : masked;
}

/** Where in reading a feed something failed. */
export type FeedStage = 'read' | 'parse' | 'store';

const GENERIC: Record<FeedStage, string> = {
  read: 'could not be read: an unexpected error, logged by the backend',
  parse:
    'could not be read as iCalendar (RFC 5545): an unexpected error, logged by the backend',
  store:
    'its shifts could not be stored: a database error, logged by the backend',
};

/**
 * The failure to show and store for an error met at `stage`: a
 * {@link FeedError} as it is; anything else (a TypeError, an SQL error
 * quoting its statement) as a fixed message for that stage, with
 * `internal` set so the caller logs the detail, masked.
 */
export function feedFailure(
  error: unknown,
  stage: FeedStage,
): { failure: FeedError; internal: boolean } {
  if (error instanceof FeedError) return { failure: error, internal: false };
  return { failure: new FeedError(GENERIC[stage]), internal: true };
}

const httpStatus = (code: string) =>
  `HTTP ${code}${STATUS_CODES[code] ? ` ${STATUS_CODES[code]}` : ''}`;

/**
 * A FeedError for what the backend's URL reader threw when reading
 * `target`. The reader's messages quote the URL it read, or a redirect's
 * target, whole; only their kind is kept here. An error not recognised is
 * returned as it is, for {@link feedFailure} to replace and log.
 */
export function urlReadFailure(error: unknown, target: string): unknown {
  const message = error instanceof Error ? error.message : '';
  const masked = maskFeedUrl(target);
  const answered = /^could not read (\S+), (\d{3})\b/.exec(message);
  if (answered) {
    const [, url, status] = answered;
    const where =
      url === target
        ? masked
        : `${maskFeedUrl(url)}, where ${masked} redirected`;
    return new FeedError(`answered ${httpStatus(status)} at ${where}`);
  }
  const refused =
    /^URL not allowed by backend\.reading\.allow configuration: (\S+)/.exec(
      message,
    );
  if (refused || (error instanceof Error && error.name === 'NotAllowedError')) {
    const url = refused?.[1] ?? target;
    return new FeedError(
      url === target
        ? `is at ${masked}, a host backend.reading.allow does not allow`
        : `redirected from ${masked} to ${maskFeedUrl(
            url,
          )}, which backend.reading.allow does not allow`,
    );
  }
  if (/^Too many redirects/.test(message)) {
    return new FeedError(`was redirected too many times from ${masked}`);
  }
  if (/^Unable to read /.test(message)) {
    return new FeedError(
      `could not be fetched from ${masked}: the host name did not resolve, or the connection failed`,
    );
  }
  return error;
}

/**
 * A FeedError for a local feed file that could not be read; other errors
 * as they are, for {@link feedFailure}.
 */
export function fileReadFailure(error: unknown): unknown {
  const code = (error as { code?: unknown })?.code;
  if (code === 'ENOENT')
    return new FeedError('is a local file (file:…) that does not exist');
  if (code === 'EACCES' || code === 'EPERM') {
    return new FeedError('is a local file (file:…) the backend may not read');
  }
  if (code === 'EISDIR')
    return new FeedError('is a local path (file:…) to a directory');
  return error;
}
