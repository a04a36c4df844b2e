import { createHmac } from 'node:crypto';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { mockCredentials, TestDatabases } from '@backstage/backend-test-utils';
import { anOrganisation } from './__testUtils__/catalog';
import { startCatalogBackend } from './__testUtils__/catalogBackend';
import {
  BadRequest,
  badRequests,
  operations,
} from './__testUtils__/badRequests';
import { sreOwnershipPlugin } from './plugin';

jest.setTimeout(300_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });
const SECRET = 'corpus-s3cret';
const BASE = '/api/sre-ownership';
const USER = `Bearer ${mockCredentials.user.token('user:default/jane-doe')}`;

const corpus = badRequests();

/** The test organisation, with the lifecycle the catalog requires. */
const organisation = () =>
  anOrganisation().map(entity =>
    entity.kind === 'Component'
      ? { ...entity, spec: { lifecycle: 'production', ...entity.spec } }
      : entity,
  );

interface Answer {
  status: number;
  message: string;
}

/**
 * Sends a request exactly as written: supertest would re-encode the URL and
 * serialise a Buffer body as JSON.
 */
function send(
  port: number,
  agent: http.Agent,
  request: Pick<BadRequest, 'method' | 'url' | 'body' | 'headers'>,
): Promise<Answer> {
  const headers: Record<string, string> = {
    authorization: USER,
    ...(request.body
      ? {
          'content-type': 'application/json',
          'content-length': String(request.body.length),
        }
      : {}),
    ...request.headers,
  };
  if (request.url.startsWith('/webhooks/pagerduty') && request.body) {
    const signature = createHmac('sha256', SECRET)
      .update(request.body)
      .digest('hex');
    headers['x-pagerduty-signature'] = `v1=${signature}`;
  }
  return new Promise((resolve, reject) => {
    const sent = http.request(
      {
        port,
        agent,
        method: request.method.toUpperCase(),
        path: `${BASE}${request.url}`,
        headers,
      },
      response => {
        const chunks: Buffer[] = [];
        response.on('data', chunk => chunks.push(chunk));
        response.on('end', () => {
          const text = Buffer.concat(chunks).toString();
          let message = text;
          try {
            message = JSON.parse(text)?.error?.message ?? text;
          } catch {
            // Not JSON: the text is the message.
          }
          resolve({ status: response.statusCode ?? 0, message });
        });
      },
    );
    sent.on('error', reject);
    sent.end(request.body);
  });
}

describe('the corpus of bad requests', () => {
  it('holds at least 2,000, with cases for every operation of the contract', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(2000);
    const thin = operations()
      .map(({ path, method }) => `${method.toUpperCase()} ${path}`)
      .filter(
        operation => corpus.filter(c => c.operation === operation).length < 5,
      );
    expect(thin).toEqual([]);
  });
});

describe.each(databases.eachSupportedId())(
  'every route refuses bad requests with a 4xx naming the field (%s)',
  databaseId => {
    let backend: Awaited<ReturnType<typeof startCatalogBackend>>;
    let port: number;
    const agent = new http.Agent({ keepAlive: true, maxSockets: 8 });
    const get = (url: string) => send(port, agent, { method: 'get', url });
    const post = (url: string, body: Buffer, headers = {}) =>
      send(port, agent, { method: 'post', url, body, headers });
    const json = (body: unknown) => Buffer.from(JSON.stringify(body));

    beforeAll(async () => {
      backend = await startCatalogBackend({
        databases,
        databaseId,
        entities: organisation(),
        config: {
          sreOwnership: { pagerDuty: { webhookSecrets: [SECRET] } },
        },
        features: [sreOwnershipPlugin],
      });
      port = (backend.server.address() as AddressInfo).port;
      // The catalog has read the organisation once the team resolves.
      for (let tries = 0; tries < 100; tries += 1) {
        if ((await get('/teams/default/payments/burden')).status === 200) {
          return;
        }
        await new Promise(resolve => setTimeout(resolve, 200));
      }
      throw new Error('The catalog never held the test organisation');
    });

    afterAll(async () => {
      agent.destroy();
      await backend?.stop?.();
    });

    it(`answers each of the ${corpus.length} with a 4xx whose message names the field`, async () => {
      const wrong: string[] = [];
      const statuses = new Map<number, number>();
      for (const request of corpus) {
        const { status, message } = await send(port, agent, request);
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
        if (status < 400 || status >= 500) {
          wrong.push(
            `${request.operation} ${request.what}: ${status} ${message}`,
          );
        } else if (!message.includes(request.names)) {
          wrong.push(
            `${request.operation} ${request.what}: does not name ${request.names}: ${message}`,
          );
        }
      }
      expect(wrong).toEqual([]);
      expect([...statuses.keys()].every(status => status < 500)).toBe(true);
    });

    describe('each read-route failure the campaign found', () => {
      it.each([
        '/teams/default/payments/burden',
        '/entities/component/default/payments-api/oncall-health',
        '/teams/default/payments/rest-owed',
        '/teams/default/payments/compensation',
        '/overview/teams-at-risk',
      ])('refuses days=1e400 on %s', async url => {
        await expect(get(`${url}?days=1e400`)).resolves.toEqual({
          status: 400,
          message: 'days: must be an integer from 1 to 366',
        });
      });

      it.each([
        [
          '/entities/component/default/%00/ownership',
          'name: must not contain a NUL character',
        ],
        ['/ownership?kind=%00', 'kind: must not contain a NUL character'],
        ['/pulse/invitations/%00', 'id: must not contain a NUL character'],
      ])('refuses a NUL in %s', async (url, message) => {
        await expect(get(url)).resolves.toEqual({ status: 400, message });
      });

      it('refuses an encoded slash in kind', async () => {
        await expect(get('/entities/a%2Fb/default/x/slos')).resolves.toEqual({
          status: 400,
          message: 'kind: must not contain "/"',
        });
      });

      it('refuses a NUL in a rest-taken note', async () => {
        const answer = await post(
          '/teams/default/payments/rest-taken',
          json({
            userRef: 'user:default/jane-doe',
            date: '2026-03-01',
            minutes: 60,
            note: 'a\u0000b',
          }),
        );
        expect(answer).toEqual({
          status: 400,
          message:
            'note: must not contain a NUL or another control character (line breaks and tabs are fine)',
        });
      });

      it("answers the catalog's refusal of a cursor with the catalog's reason", async () => {
        const answer = await get('/ownership?cursor=abc');
        expect(answer.status).toBe(400);
        expect(answer.message).toMatch(
          /^cursor: was refused by the catalog \(/,
        );
        expect(answer.message).not.toContain('Request failed');
      });

      it('names the parameter and the escape for a malformed one', async () => {
        await expect(
          get('/entities/component/default/%zz/ownership'),
        ).resolves.toEqual({
          status: 400,
          message:
            'name: has a malformed percent-escape "%zz"; write a % as %25',
        });
      });

      it('names an unknown body field and the known ones on a route with path parameters', async () => {
        const answer = await post(
          '/teams/default/payments/rest-taken',
          json({
            userRef: 'user:default/jane-doe',
            date: '2026-03-01',
            minutes: 60,
            nope: 1,
          }),
        );
        expect(answer).toEqual({
          status: 400,
          message:
            'nope: is not a field here; known fields are userRef, date, minutes, note',
        });
      });

      it('refuses bytes that are not UTF-8 on every route that takes a body', async () => {
        const routes = operations().filter(({ method }) => method === 'post');
        const answers = await Promise.all(
          routes.map(({ path }) =>
            post(
              path.replace('{namespace}', 'default').replace(/\{\w+\}/g, 'x'),
              Buffer.from([0x7b, 0x22, 0xff, 0x22, 0x3a, 0x31, 0x7d]),
            ),
          ),
        );
        expect(answers.map(a => a.status)).toEqual(routes.map(() => 400));
        for (const answer of answers) {
          expect(answer.message).toMatch(/^body: is not valid UTF-8/);
        }
      });

      it('keeps two reports of one page in one batch in time order', async () => {
        const page = {
          source: 'corpus',
          externalId: 'two-reports',
          entityRef: 'component:default/payments-api',
          severity: 'high',
        };
        const stored = await post(
          '/events',
          json({
            pages: [
              {
                ...page,
                triggeredAt: '2026-03-03T10:00:00Z',
                acknowledgedAt: '2026-03-03T10:05:00Z',
                resolvedAt: '2026-03-03T10:30:00Z',
              },
              { ...page, triggeredAt: '2026-03-03T11:00:00Z' },
            ],
          }),
        );
        expect(stored.status).toBe(201);
        const health = await send(port, agent, {
          method: 'get',
          url: '/entities/component/default/payments-api/oncall-health?from=2026-03-03T00%3A00%3A00Z&to=2026-03-04T00%3A00%3A00Z',
        });
        expect(health.status).toBe(200);
        // Acknowledged 5 and resolved 30 minutes after it was triggered.
        expect(JSON.parse(health.message).current).toMatchObject({
          mttaMinutes: { high: 5 },
          mttrMinutes: { high: 30 },
        });
      });

      it('answers a gzip bomb with 413 naming the limit', async () => {
        const answer = await post(
          '/events',
          gzipSync(Buffer.alloc(30 * 1024 * 1024, ' ')),
          { 'content-encoding': 'gzip' },
        );
        expect(answer).toEqual({
          status: 413,
          message:
            'The body is over 20mb once decompressed (gzip); /events accepts at most 20mb. Nothing was stored.',
        });
      });
    });
  },
);
