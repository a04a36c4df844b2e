/**
 * Deterministic synthetic catalogs for the benchmarks: an organisation of
 * groups, users, domains and systems, and services that declare ownership on
 * every level, the way a large company's catalog does.
 */
const MODELS = ['platform', 'embedded', 'hybrid', 'self-managed'];

function mulberry32(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Doc = Record<string, unknown>;

const doc = (
  kind: string,
  name: string,
  spec: Doc,
  annotations: Doc = {},
): Doc => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind,
  metadata: { name, annotations },
  spec,
});

/** Entities totalling `size`, with about 5% people and 3% structure. */
export function generateCatalog(size: number, seed = 42): Doc[] {
  const random = mulberry32(seed);
  const pick = <T>(items: T[]) => items[Math.floor(random() * items.length)];
  const groups = Array.from(
    { length: Math.max(5, Math.round(size / 200)) },
    (_, i) => `team-${i}`,
  );
  const users = Array.from(
    { length: Math.max(10, Math.round(size / 25)) },
    (_, i) => `engineer-${i}`,
  );
  const domains = Array.from(
    { length: Math.max(2, Math.round(size / 500)) },
    (_, i) => `domain-${i}`,
  );
  const systems = Array.from(
    { length: Math.max(4, Math.round(size / 50)) },
    (_, i) => `system-${i}`,
  );
  const people = (n: number) =>
    Array.from({ length: n }, () => `user:${pick(users)}`).join(', ');

  const docs: Doc[] = [
    doc('Group', 'org', { type: 'organization', children: [] }),
  ];
  groups.forEach((group, i) =>
    docs.push(
      doc(
        'Group',
        group,
        { type: 'team', parent: i < 5 ? 'org' : `team-${i % 5}`, children: [] },
        {
          'sre-ownership.io/chat-channel': `#${group}`,
          ...(i % 3 === 0
            ? { 'sre-ownership.io/incident-response-leader': people(2) }
            : {}),
        },
      ),
    ),
  );
  users.forEach(user =>
    docs.push(
      doc('User', user, {
        profile: { displayName: user, email: `${user}@example.com` },
        memberOf: [pick(groups)],
      }),
    ),
  );
  domains.forEach((domain, i) =>
    docs.push(
      doc(
        'Domain',
        domain,
        { owner: `group:${pick(groups)}` },
        {
          'sre-ownership.io/model': MODELS[i % MODELS.length],
          'sre-ownership.io/platform-team': 'group:team-0',
        },
      ),
    ),
  );
  systems.forEach(system =>
    docs.push(
      doc(
        'System',
        system,
        { owner: `group:${pick(groups)}`, domain: pick(domains) },
        {
          'sre-ownership.io/embedded-sres': people(2),
          'sre-ownership.io/slo-guard': people(2),
        },
      ),
    ),
  );
  for (let i = 0; docs.length < size; i++) {
    const kind = i % 10 === 0 ? 'API' : i % 10 === 1 ? 'Resource' : 'Component';
    docs.push(
      doc(
        kind,
        `service-${i}`,
        {
          type:
            kind === 'API'
              ? 'openapi'
              : kind === 'Resource'
              ? 'database'
              : 'service',
          lifecycle: 'production',
          owner: `group:${pick(groups)}`,
          system: pick(systems),
          ...(kind === 'API' ? { definition: 'openapi: 3.0.0' } : {}),
        },
        {
          ...(i % 4 === 0
            ? {
                'sre-ownership.io/escalation': `oncall:group:${pick(
                  groups,
                )}\nuser:${pick(users)} after 15m`,
              }
            : {}),
          ...(i % 7 === 0
            ? { 'sre-ownership.io/infrastructure-architect': people(1) }
            : {}),
        },
      ),
    );
  }
  return docs;
}
