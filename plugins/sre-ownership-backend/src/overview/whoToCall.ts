import {
  MatchKind,
  SPECIALIST_ROLES,
  SPECIALIST_ROLE_INFO,
  SpecialistRole,
} from '@sre-ownership/plugin-sre-ownership-common';
import { IndexSummary } from './indexEntry';

/** Words that ask the question rather than name what it is about. */
const QUESTION_WORDS = new Set(
  'who whom is are the a an do i we call about for of on to what s please'.split(
    ' ',
  ),
);

/** Ways people name each role, longest first so "slo guard" wins over "slo". */
const ROLE_NAMES: Array<[string, SpecialistRole]> = (
  [
    ...SPECIALIST_ROLES.map(
      role =>
        [SPECIALIST_ROLE_INFO[role].title.toLocaleLowerCase('en-US'), role] as [
          string,
          SpecialistRole,
        ],
    ),
    ...SPECIALIST_ROLES.map(
      role => [role.replace(/-/g, ' '), role] as [string, SpecialistRole],
    ),
    ...SPECIALIST_ROLES.map(role => [role, role] as [string, SpecialistRole]),
    ['infra architect', 'infrastructure-architect'],
    ['incident leader', 'incident-response-leader'],
    ['incident lead', 'incident-response-leader'],
    ['incident commander', 'incident-response-leader'],
  ] as Array<[string, SpecialistRole]>
).sort((a, b) => b[0].length - a[0].length);

/** A query split into the specialist role it names and what it is about. */
export interface ParsedQuery {
  role?: SpecialistRole;
  /** The words left, lower-case. */
  terms: string[];
}

/** Finds a role name in the query and drops the question words. */
export function parseQuery(query: string): ParsedQuery {
  let text = ` ${query
    .toLocaleLowerCase('en-US')
    .replace(/[?!.,;:"']/g, ' ')
    .replace(/\s+/g, ' ')} `;
  let role: SpecialistRole | undefined;
  for (const [name, candidate] of ROLE_NAMES) {
    if (text.includes(` ${name} `)) {
      role = candidate;
      text = text.replace(` ${name} `, ' ');
      break;
    }
  }
  const terms = text
    .split(' ')
    .filter(word => word && !QUESTION_WORDS.has(word));
  return { ...(role ? { role } : {}), terms };
}

/** How strongly an entity matches, 0 for not at all, and why. */
export interface Match {
  summary: IndexSummary;
  match: MatchKind;
  rank: number;
  why: string;
}

const RANK: Record<MatchKind, number> = {
  name: 0,
  person: 1,
  tag: 2,
  description: 3,
};

const nameOf = (ref: string | undefined) =>
  ref?.replace(/^[a-z]+:([^/]+\/)?/, '') ?? '';

/**
 * Ranks one entity for the terms: exact name (or title) first, then the
 * owner, team or person it names, then its tags, then its description. Every
 * term must match somewhere.
 */
export function matchEntity(
  summary: IndexSummary,
  terms: string[],
): Match | undefined {
  if (!terms.length) return undefined;
  const phrase = terms.join(' ');
  const lower = (s: string | undefined) => s?.toLocaleLowerCase('en-US') ?? '';
  const names = [summary.name, summary.title].map(lower);
  if (names.includes(phrase) || names.includes(terms.join('-'))) {
    return {
      summary,
      match: 'name',
      rank: RANK.name,
      why: `Its name is ${summary.title ?? summary.name}.`,
    };
  }
  const teams = [
    ['owner', summary.owner],
    ['system', summary.system],
    ['domain', summary.domain],
  ] as const;
  for (const [as, ref] of teams) {
    if (
      ref &&
      (lower(nameOf(ref)) === phrase || lower(nameOf(ref)) === terms.join('-'))
    ) {
      return {
        summary,
        match: 'person',
        rank: RANK.person,
        why: `Its ${as} is ${ref}.`,
      };
    }
  }
  const person = summary.people.find(p =>
    terms.every(
      term =>
        lower(p.displayName).split(/\s+/).includes(term) ||
        lower(nameOf(p.ref)).split(/[-_.]/).includes(term) ||
        lower(nameOf(p.ref)) === term,
    ),
  );
  if (person) {
    return {
      summary,
      match: 'person',
      rank: RANK.person,
      why: `${person.displayName} (${person.ref}) is its ${person.as}.`,
    };
  }
  const words = (s: string) =>
    lower(s)
      .split(/[^a-z0-9]+/)
      .filter(Boolean);
  const tags = summary.tags.flatMap(words);
  const nameWords = [...words(summary.name), ...words(summary.title ?? '')];
  const ownerWords = teams.flatMap(([, ref]) => words(nameOf(ref)));
  if (
    terms.every(
      t => tags.includes(t) || nameWords.includes(t) || ownerWords.includes(t),
    )
  ) {
    if (terms.some(t => tags.includes(t))) {
      return {
        summary,
        match: 'tag',
        rank: RANK.tag,
        why: `It is tagged ${summary.tags.join(', ')}.`,
      };
    }
    return {
      summary,
      match: 'person',
      rank: RANK.person + 0.5,
      why: `Its name or team matches "${phrase}".`,
    };
  }
  const description = words(summary.description ?? '');
  if (
    terms.every(
      t =>
        description.includes(t) ||
        tags.includes(t) ||
        nameWords.includes(t) ||
        ownerWords.includes(t),
    )
  ) {
    return {
      summary,
      match: 'description',
      rank: RANK.description,
      why: `Its description mentions "${phrase}".`,
    };
  }
  return undefined;
}

/** Kinds in the order answers of equal rank are listed. */
const KIND_ORDER = [
  'component',
  'api',
  'resource',
  'system',
  'domain',
  'group',
];

/** Ranks every entity; best first, then by kind and name. */
export function rankEntities(
  summaries: IndexSummary[],
  terms: string[],
): Match[] {
  return summaries
    .map(summary => matchEntity(summary, terms))
    .filter((m): m is Match => !!m)
    .sort(
      (a, b) =>
        a.rank - b.rank ||
        KIND_ORDER.indexOf(a.summary.kind) -
          KIND_ORDER.indexOf(b.summary.kind) ||
        a.summary.entityRef.localeCompare(b.summary.entityRef),
    );
}
