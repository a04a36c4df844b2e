import { mockServices } from '@backstage/backend-test-utils';
import { createMockDirectory } from '@backstage/backend-test-utils';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { readIcsFeed } from './readIcsFeed';

const calendar = 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n';
const dir = createMockDirectory({
  content: { schedules: { 'rota.ics': calendar, 'secrets.env': 'TOKEN=x' } },
});

describe('readIcsFeed', () => {
  let server: Server;
  let origin: string;

  beforeAll(async () => {
    server = createServer((req, res) => {
      if (req.url === '/feeds/rota.ics?token=s3cret') {
        res.writeHead(200, { 'content-type': 'text/calendar' });
        res.end(calendar);
      } else {
        res.writeHead(404, 'Not Found');
        res.end();
      }
    });
    await new Promise<void>(done => server.listen(0, '127.0.0.1', done));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(() => new Promise(done => server.close(done)));

  const read = (url: string) =>
    readIcsFeed(url, { baseDir: dir.path, allowLocalFiles: true });

  it('reads no local file for a feed named in the catalog', async () => {
    await expect(
      readIcsFeed('rota.ics', { baseDir: dir.path, allowLocalFiles: false }),
    ).rejects.toThrow('a schedule-url annotation cannot name a local file');
  });

  it('reads http(s) feeds through the URL reader when given one', async () => {
    const urlReader = mockServices.urlReader.mock({
      readUrl: async () => ({
        buffer: async () => Buffer.from(calendar),
        etag: undefined,
        stream: () => {
          throw new Error('not used');
        },
      }),
    });
    await expect(
      readIcsFeed('https://acme.pagerduty.com/feed.ics', {
        baseDir: dir.path,
        allowLocalFiles: false,
        urlReader,
      }),
    ).resolves.toBe(calendar);
    expect(urlReader.readUrl).toHaveBeenCalledWith(
      'https://acme.pagerduty.com/feed.ics',
      expect.anything(),
    );
  });

  it('fetches an http(s) feed', async () => {
    await expect(read(`${origin}/feeds/rota.ics?token=s3cret`)).resolves.toBe(
      calendar,
    );
  });

  it('names the HTTP status of a failed fetch, but never the URL and its token', async () => {
    const failure = read(`${origin}/feeds/gone.ics?token=s3cret`);
    await expect(failure).rejects.toThrow('HTTP 404 Not Found');
    await expect(failure).rejects.not.toThrow('s3cret');
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

  it('reads only .ics files from disk', async () => {
    await expect(read('file:schedules/secrets.env')).rejects.toThrow(
      'a local schedule feed must be an .ics file',
    );
  });

  it('refuses other URL schemes', async () => {
    await expect(read('ftp://example.com/rota.ics')).rejects.toThrow(
      'ftp: URLs are not supported',
    );
  });
});
