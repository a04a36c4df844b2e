import { createMockDirectory } from '@backstage/backend-test-utils';
import { UrlReaderService } from '@backstage/backend-plugin-api';
import { symlinkSync } from 'node:fs';
import { Readable } from 'node:stream';
import { aUrlReader, startFeedServer } from './__testUtils__/feedServer';
import { FeedError } from './feedErrors';
import { readIcsFeed } from './readIcsFeed';

const calendar = 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n';
const dir = createMockDirectory({
  content: { schedules: { 'rota.ics': calendar, 'secrets.env': 'TOKEN=x' } },
});
const CHUNK = Buffer.alloc(64 * 1024, 'X');
const LIMIT = 1024 * 1024;

describe('readIcsFeed', () => {
  let feeds: Awaited<ReturnType<typeof startFeedServer>>;
  let closed: Promise<void>;

  beforeAll(async () => {
    let onClose = () => {};
    closed = new Promise(done => (onClose = done));
    feeds = await startFeedServer((req, res) => {
      if (req.url === '/feeds/rota.ics?token=s3cret') {
        res.writeHead(200, { 'content-type': 'text/calendar' });
        res.end(calendar);
      } else if (req.url === '/endless.ics') {
        // Chunked, never ending: written as fast as the reader takes it.
        res.writeHead(200, { 'content-type': 'text/calendar' });
        res.on('close', onClose);
        const more = () => {
          while (!res.destroyed && res.write(CHUNK));
          if (!res.destroyed) res.once('drain', more);
        };
        more();
      } else {
        res.writeHead(404, 'Not Found');
        res.end();
      }
    });
  });

  afterAll(() => feeds.close());

  const read = (
    url: string,
    urlReader: UrlReaderService = aUrlReader(feeds.host),
  ) =>
    readIcsFeed(url, {
      baseDir: dir.path,
      allowLocalFiles: true,
      urlReader,
      maxBytes: LIMIT,
    }).then(bytes => bytes.toString('utf8'));

  it('reads an http(s) feed through the URL reader', async () => {
    await expect(
      read(`${feeds.origin}/feeds/rota.ics?token=s3cret`),
    ).resolves.toBe(calendar);
  });

  it('stops reading an endless feed at its size limit and closes the connection', async () => {
    // Counts what the feed reader takes from the response stream.
    const reader = aUrlReader(feeds.host);
    let taken = 0;
    let largestChunk = 0;
    const counting: UrlReaderService = {
      ...reader,
      readUrl: async (url, options) => {
        const response = await reader.readUrl(url, options);
        const stream = response.stream!() as Readable;
        const take = stream.read.bind(stream);
        stream.read = (size?: number) => {
          const chunk = take(size);
          if (chunk) {
            taken += chunk.length;
            largestChunk = Math.max(largestChunk, chunk.length);
          }
          return chunk;
        };
        return { ...response, stream: () => stream };
      },
    };
    const started = Date.now();

    await expect(read(`${feeds.origin}/endless.ics`, counting)).rejects.toThrow(
      `is larger than ${LIMIT} bytes; at most ${LIMIT} are read`,
    );

    expect(taken).toBeGreaterThan(LIMIT);
    expect(taken).toBeLessThanOrEqual(LIMIT + largestChunk);
    await closed;
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('reads no local file for a feed named in the catalog', async () => {
    await expect(
      readIcsFeed('rota.ics', {
        baseDir: dir.path,
        allowLocalFiles: false,
        urlReader: aUrlReader(),
      }),
    ).rejects.toThrow('a schedule-url annotation cannot name');
  });

  it('names the HTTP status of a failed read and the masked host, never the URL and its token', async () => {
    const failure = read(
      `${feeds.origin}/private/s3cret/gone.ics?token=s3cret`,
    );
    await expect(failure).rejects.toThrow(
      `answered HTTP 404 Not Found at http://${feeds.host}/…`,
    );
    await expect(failure).rejects.toBeInstanceOf(FeedError);
    await expect(failure).rejects.not.toThrow('s3cret');
  });

  it('says which host backend.reading.allow does not allow', async () => {
    await expect(
      read(
        'https://calendar.internal/private/s3cret.ics',
        aUrlReader(feeds.host),
      ),
    ).rejects.toThrow(
      'is at https://calendar.internal/…, a host backend.reading.allow does not allow',
    );
  });

  it.each([
    ['a relative file: URL', 'file:schedules/rota.ics'],
    ['a relative path', './schedules/rota.ics'],
    [
      'an absolute file:// URL',
      () => `file://${dir.resolve('schedules/rota.ics')}`,
    ],
  ])('reads %s from disk', async (_, url) => {
    await expect(read(typeof url === 'string' ? url : url())).resolves.toBe(
      calendar,
    );
  });

  it('reads a local file only up to the limit, whatever it claims its size is', async () => {
    // A device has no size to check first: it is read as a stream.
    symlinkSync('/dev/zero', dir.resolve('zero.ics'));

    await expect(read('file:zero.ics')).rejects.toThrow(
      `is larger than ${LIMIT} bytes`,
    );
  });

  it('says a local file does not exist without naming its path', async () => {
    const failure = read('file:///srv/s3cret-dir/rota.ics');
    await expect(failure).rejects.toThrow(
      'is a local file (file:…) that does not exist',
    );
    await expect(failure).rejects.not.toThrow('s3cret');
  });

  it('reads only .ics files from disk', async () => {
    await expect(read('file:schedules/secrets.env')).rejects.toThrow(
      'is a local file (file:…) not ending in .ics',
    );
  });

  it('refuses other URL schemes', async () => {
    await expect(read('ftp://example.com/rota.ics')).rejects.toThrow(
      'is a ftp: URL; only https, http and webcal are read',
    );
  });
});
