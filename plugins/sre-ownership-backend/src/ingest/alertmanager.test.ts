import { Entity } from '@backstage/catalog-model';
import { AlertmanagerAlert, pagesFromAlertmanager } from './alertmanager';
import { PageRouting } from './routing';

const entity = (
  kind: string,
  name: string,
  annotations: Record<string, string> = {},
  owner = 'group:payments',
): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind,
  metadata: { name, namespace: 'default', annotations },
  spec:
    kind === 'Group'
      ? { type: 'team', children: [] }
      : { type: 'service', owner },
});

const routing = new PageRouting([
  entity('Component', 'payments-api'),
  entity('Component', 'ledger', {
    'sre-ownership.io/alert-selector': 'app=ledger, env=prod',
  }),
  entity('Group', 'payments'),
  entity('Group', 'platform-sre'),
]);

const anAlert = (
  overrides: Partial<AlertmanagerAlert> = {},
): AlertmanagerAlert => ({
  status: 'firing',
  labels: {
    alertname: 'HighErrorRate',
    service: 'payments-api',
    severity: 'critical',
  },
  annotations: { summary: 'Error rate above SLO' },
  startsAt: '2026-03-03T02:00:00Z',
  endsAt: '0001-01-01T00:00:00Z',
  fingerprint: 'abc123',
  ...overrides,
});

const convert = (...alerts: AlertmanagerAlert[]) =>
  pagesFromAlertmanager({ version: '4', status: 'firing', alerts }, routing);

describe('pagesFromAlertmanager', () => {
  it('turns a firing alert into a page of the service named by its service label', () => {
    expect(convert(anAlert())).toEqual({
      pages: [
        {
          source: 'alertmanager',
          externalId: 'abc123/2026-03-03T02:00:00Z',
          entityRef: 'component:default/payments-api',
          teamRef: 'group:default/payments',
          severity: 'critical',
          title: 'Error rate above SLO',
          triggeredAt: '2026-03-03T02:00:00Z',
        },
      ],
      unrouted: 0,
    });
  });

  it('closes the same page when the alert resolves', () => {
    const [firing] = convert(anAlert()).pages;
    const [resolved] = convert(
      anAlert({ status: 'resolved', endsAt: '2026-03-03T02:40:00Z' }),
    ).pages;
    expect(resolved.externalId).toBe(firing.externalId);
    expect(resolved.resolvedAt).toBe('2026-03-03T02:40:00Z');
  });

  it('routes by an entity selector before the service label, and a team label to its Group', () => {
    const { pages } = convert(
      anAlert({
        labels: {
          app: 'ledger',
          env: 'prod',
          service: 'payments-api',
          team: 'platform-sre',
        },
      }),
    );
    expect(pages[0]).toMatchObject({
      entityRef: 'component:default/ledger',
      teamRef: 'group:default/platform-sre',
    });
  });

  it('routes nowhere, rather than guess, when two entities claim an alert', () => {
    const contested = new PageRouting([
      entity('Component', 'payments-api'),
      entity('Component', 'payments-api', {}, 'group:platform-sre'),
      entity('Component', 'a', { 'sre-ownership.io/alert-selector': 'app=x' }),
      entity('Component', 'b', { 'sre-ownership.io/alert-selector': 'app=x' }),
    ]);
    const route = (labels: Record<string, string>) =>
      pagesFromAlertmanager(
        { version: '4', status: 'firing', alerts: [anAlert({ labels })] },
        contested,
      );
    expect(route({ service: 'payments-api' })).toEqual({
      pages: [],
      unrouted: 1,
    });
    expect(route({ app: 'x' })).toEqual({ pages: [], unrouted: 1 });
    expect(contested.conflicts()).toEqual([
      'service label "payments-api" names several Components',
    ]);
  });

  it('counts alerts that match nothing and stores none of them', () => {
    expect(convert(anAlert({ labels: { service: 'unknown' } }))).toEqual({
      pages: [],
      unrouted: 1,
    });
  });

  it.each([
    ['warning', 'medium'],
    ['info', 'low'],
    ['page', 'critical'],
    ['', 'medium'],
  ])('maps severity label "%s" to %s', (label, expected) => {
    const { pages } = convert(
      anAlert({ labels: { service: 'payments-api', severity: label } }),
    );
    expect(pages[0].severity).toBe(expected);
  });

  it('derives a stable key from the labels when the fingerprint is missing', () => {
    const a = convert(anAlert({ fingerprint: undefined })).pages[0].externalId;
    const b = convert(anAlert({ fingerprint: undefined })).pages[0].externalId;
    expect(a).toBe(b);
    expect(a).toMatch(/^[0-9a-f]{16}\/2026-03-03T02:00:00Z$/);
  });

  it('refuses an alert with a malformed time, naming the alert and field', () => {
    expect(() =>
      convert(anAlert(), anAlert({ startsAt: 'yesterday' })),
    ).toThrow(
      'alerts[1].startsAt: "yesterday" is not a real time in RFC 3339 form',
    );
  });

  it('refuses other payload versions, naming the field', () => {
    expect(() =>
      pagesFromAlertmanager(
        { version: '3', status: 'firing', alerts: [] },
        routing,
      ),
    ).toThrow('version: "3" is not supported');
  });
});
