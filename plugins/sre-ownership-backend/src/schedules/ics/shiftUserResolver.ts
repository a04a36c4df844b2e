import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { ShiftUserResolver } from './parseIcsSchedule';

/** The User entity fields {@link createShiftUserResolver} reads. */
export const SHIFT_USER_FIELDS = [
  'kind',
  'metadata.name',
  'metadata.namespace',
  'metadata.title',
  'spec.profile.email',
  'spec.profile.displayName',
];

const profileOf = (user: Entity) =>
  (user.spec?.profile ?? {}) as { email?: unknown; displayName?: unknown };

const normalise = (value: unknown) =>
  typeof value === 'string' ? value.trim().toLowerCase() : '';

// Maps each key to the one User it names, or to null when several share it,
// so that a shared display name never assigns a shift to the wrong person.
function indexUniquely(entries: Array<[string, string]>) {
  const index = new Map<string, string | null>();
  for (const [key, ref] of entries) {
    if (!key) continue;
    const known = index.get(key);
    index.set(key, known === undefined || known === ref ? ref : null);
  }
  return index;
}

/**
 * Maps schedule events to Users: first by an ATTENDEE or ORGANIZER e-mail
 * equal to a User's `spec.profile.email`, else by a SUMMARY equal to a User's
 * `metadata.name`, `metadata.title` or `spec.profile.displayName`. Both are
 * compared without case; a key shared by several Users matches none.
 */
export function createShiftUserResolver(users: Entity[]): ShiftUserResolver {
  const refs = users.map(user => stringifyEntityRef(user));
  const byEmail = indexUniquely(
    users.map((user, i) => [normalise(profileOf(user).email), refs[i]]),
  );
  const byName = indexUniquely(
    users.flatMap((user, i) =>
      [
        user.metadata.name,
        user.metadata.title,
        profileOf(user).displayName,
      ].map((name): [string, string] => [normalise(name), refs[i]]),
    ),
  );
  return ({ emails, summary }) => {
    for (const email of emails) {
      const ref = byEmail.get(normalise(email));
      if (ref) return ref;
    }
    return byName.get(normalise(summary)) ?? undefined;
  };
}
