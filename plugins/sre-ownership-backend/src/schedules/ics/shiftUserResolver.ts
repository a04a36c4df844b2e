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

// What schedule tools write in SUMMARY around the person: PagerDuty "On
// Call - Jane Doe - Payments" (with a bare ATTENDEE address; see
// __corpus__/vendor-pagerduty-bizneo-oncall.ics); Grafana OnCall "[L1]
// jane " or "jane ", the username after an optional priority level and no
// ATTENDEE (generate_ical in grafana/oncall
// engine/apps/schedules/models/custom_on_call_shift.py). Opsgenie / Jira
// Service Management and hand-kept Google or Outlook calendars follow no
// published form; the separators below cover "Payments_schedule: Jane
// Doe" and "Jane Doe (on call)", and summaryPattern covers the rest.
const PAGERDUTY = /^on[ -]?call\s+-\s+(.+?)\s+-\s+.*$/i;
const LEVEL_PREFIX = /^\s*\[[^\]]*\]\s*/;
const ONCALL_WORDS = /\(?\b(on[ -]?call|primary|secondary|backup)\b\)?/gi;

/**
 * The names a SUMMARY may give a person by, most specific first: the
 * person of a vendor's form, then each part of the summary between the
 * separators these tools put around it (" - ", ": ", " | ", ", ").
 */
export function summaryNames(summary: string): string[] {
  const text = summary.replace(LEVEL_PREFIX, '').trim();
  const names = [summary.trim(), text];
  const pagerDuty = PAGERDUTY.exec(text)?.[1];
  if (pagerDuty) names.push(pagerDuty);
  for (const part of text.split(/\s+-\s+|:\s+|\s+\|\s+|,\s+/)) {
    names.push(part, part.replace(ONCALL_WORDS, '').trim());
  }
  return [...new Set(names.map(normalise).filter(Boolean))];
}

const EMAIL_IN_TEXT = /[^\s<>()[\]:;,"]+@[^\s<>()[\]:;,"]+\.[^\s<>()[\]:;,"]+/g;

/**
 * Maps schedule events to Users, trying in turn:
 * 1. an ATTENDEE or ORGANIZER address (with or without `mailto:`) equal to
 *    a User's `spec.profile.email`;
 * 2. with the feed's `summaryPattern`, its `person` group as an address or
 *    a name (only that, when the feed sets a pattern that matches);
 * 3. an address written in the SUMMARY;
 * 4. a name from the SUMMARY ({@link summaryNames}) or an ATTENDEE's CN
 *    equal to a User's `metadata.name`, `metadata.title` or
 *    `spec.profile.displayName`.
 * All compared without case and surrounding spaces; a key shared by several
 * Users matches none, and so does a summary whose names match several
 * Users, so that a shift is never given to the wrong person.
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
  const one = (keys: string[], index: Map<string, string | null>) => {
    const found = new Set(keys.map(key => index.get(normalise(key))));
    if (found.has(null)) return undefined;
    found.delete(undefined);
    return found.size === 1 ? ([...found][0] as string) : undefined;
  };
  return ({ emails, names = [], summary }, summaryPattern) => {
    for (const email of emails) {
      const ref = byEmail.get(normalise(email));
      if (ref) return ref;
    }
    const person = summaryPattern
      ? summaryPattern.exec(summary)?.groups?.person
      : undefined;
    if (person !== undefined) {
      return (
        byEmail.get(normalise(person)) ??
        byName.get(normalise(person)) ??
        undefined
      );
    }
    return (
      one(summary.match(EMAIL_IN_TEXT) ?? [], byEmail) ??
      one(summaryNames(summary), byName) ??
      one(names, byName)
    );
  };
}
