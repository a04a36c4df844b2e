import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';

interface Entry {
  expiresAt: number;
  entities: Map<string, Entity | null>;
}

/** A stable key for the caller: user ref, or service subject with its access restrictions. */
export function principalKey(credentials: BackstageCredentials): string {
  const principal = credentials.principal as {
    type: string;
    userEntityRef?: string;
    subject?: string;
    accessRestrictions?: unknown;
  };
  switch (principal.type) {
    case 'user':
      return `user:${principal.userEntityRef}`;
    case 'service':
      return `service:${principal.subject}:${JSON.stringify(
        principal.accessRestrictions ?? null,
      )}`;
    default:
      return principal.type;
  }
}

/**
 * The Systems, Domains, Groups and Users one caller has recently been allowed
 * to read, kept for a short while so that opening one service page after
 * another does not re-read the same chain every time. Each caller has their
 * own entries, filled only by reads made with their own credentials, so the
 * catalog's permission decisions still apply (with at most `ttlMs` delay).
 */
export class PrincipalEntityCache {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly options: { ttlMs: number; maxPrincipals: number } = {
      ttlMs: 30_000,
      maxPrincipals: 1_000,
    },
  ) {}

  /** The entities this caller read within the time to live; a copy. */
  get(credentials: BackstageCredentials): Map<string, Entity | null> {
    const key = principalKey(credentials);
    const entry = this.entries.get(key);
    if (!entry || entry.expiresAt < Date.now()) {
      this.entries.delete(key);
      return new Map();
    }
    return new Map(entry.entities);
  }

  /** Remembers what this caller has just read. */
  remember(
    credentials: BackstageCredentials,
    entities: Map<string, Entity | null>,
  ) {
    const key = principalKey(credentials);
    const entry = this.entries.get(key);
    if (entry && entry.expiresAt >= Date.now()) {
      entities.forEach((entity, ref) => entry.entities.set(ref, entity));
      return;
    }
    if (this.entries.size >= this.options.maxPrincipals) {
      // Maps iterate in insertion order: drop the oldest caller.
      this.entries.delete(this.entries.keys().next().value!);
    }
    this.entries.set(key, {
      expiresAt: Date.now() + this.options.ttlMs,
      entities: new Map(entities),
    });
  }
}
