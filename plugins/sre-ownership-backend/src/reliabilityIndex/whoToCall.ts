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
const lower = (s: string | undefined) => s?.toLocaleLowerCase('en-US') ?? '';
const words = (s: string | undefined) =>
  lower(s)
    .split(/[^a-z0-9]+/)
    .filter(Boolean);

const TEAM_FIELDS = ['owner', 'system', 'domain'] as const;

/** What search compares a query with, lower-cased and split once. */
interface SearchFields {
  names: string[];
  teams: Array<{ as: (typeof TEAM_FIELDS)[number]; ref: string; name: string }>;
  people: Array<{
    party: IndexSummary['people'][number];
    displayWords: Set<string>;
    refName: string;
    refParts: Set<string>;
  }>;
  tags: Set<string>;
  /** Words of the name, title, owner, system and domain. */
  nameOrTeamWords: Set<string>;
  descriptionWords: Set<string>;
}

// Summaries are immutable and shared by every request until the index's
// next generation replaces them, so their search fields are worked out once
// per generation, not once per query.
const searchFieldsCache = new WeakMap<IndexSummary, SearchFields>();

function searchFieldsOf(summary: IndexSummary): SearchFields {
  const cached = searchFieldsCache.get(summary);
  if (cached) return cached;
  const teams = TEAM_FIELDS.flatMap(as => {
    const ref = summary[as];
    return ref ? [{ as, ref, name: lower(nameOf(ref)) }] : [];
  });
  const fields: SearchFields = {
    names: [summary.name, summary.title].map(lower),
    teams,
    people: summary.people.map(party => {
      const refName = lower(nameOf(party.ref));
      return {
        party,
        displayWords: new Set(lower(party.displayName).split(/\s+/)),
        refName,
        refParts: new Set(refName.split(/[-_.]/)),
      };
    }),
    tags: new Set(summary.tags.flatMap(words)),
    nameOrTeamWords: new Set([
      ...words(summary.name),
      ...words(summary.title),
      ...teams.flatMap(team => words(team.name)),
    ]),
    descriptionWords: new Set(words(summary.description)),
  };
  searchFieldsCache.set(summary, fields);
  return fields;
}

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
  const slug = terms.join('-');
  const fields = searchFieldsOf(summary);
  if (fields.names.includes(phrase) || fields.names.includes(slug)) {
    return {
      summary,
      match: 'name',
      rank: RANK.name,
      why: `Its name is ${summary.title ?? summary.name}.`,
    };
  }
  const team = fields.teams.find(t => t.name === phrase || t.name === slug);
  if (team) {
    return {
      summary,
      match: 'person',
      rank: RANK.person,
      why: `Its ${team.as} is ${team.ref}.`,
    };
  }
  const person = fields.people.find(p =>
    terms.every(
      term =>
        p.displayWords.has(term) || p.refParts.has(term) || p.refName === term,
    ),
  );
  if (person) {
    return {
      summary,
      match: 'person',
      rank: RANK.person,
      why: `${person.party.displayName} (${person.party.ref}) is its ${person.party.as}.`,
    };
  }
  const { tags, nameOrTeamWords, descriptionWords } = fields;
  if (terms.every(t => tags.has(t) || nameOrTeamWords.has(t))) {
    if (terms.some(t => tags.has(t))) {
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
  if (
    terms.every(
      t => descriptionWords.has(t) || tags.has(t) || nameOrTeamWords.has(t),
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

const byCodeUnit = (a: string, b: string) => {
  if (a === b) return 0;
  return a < b ? -1 : 1;
};

/** Matches, best first, then by kind and entity ref. */
function sortMatches(matches: Match[]): Match[] {
  const keyed = matches.map(match => ({
    match,
    kind: KIND_ORDER.indexOf(match.summary.kind),
    ref: match.summary.entityRef,
  }));
  // A common word can match most of the catalog: compare refs by code unit,
  // which is cheap and total, rather than by locale.
  return keyed
    .sort(
      (a, b) =>
        a.match.rank - b.match.rank ||
        a.kind - b.kind ||
        byCodeUnit(a.ref, b.ref),
    )
    .map(m => m.match);
}

/** Ranks every entity by scanning them all; best first, then by kind and ref. */
export function rankEntities(
  summaries: IndexSummary[],
  terms: string[],
): Match[] {
  return sortMatches(
    summaries.flatMap(summary => matchEntity(summary, terms) ?? []),
  );
}

/** Every token a term must equal for `matchEntity` to match on it. */
function tokensOf(summary: IndexSummary): Set<string> {
  const fields = searchFieldsOf(summary);
  const tokens = new Set<string>([
    ...fields.tags,
    ...fields.nameOrTeamWords,
    ...fields.descriptionWords,
  ]);
  // Exact names and team names may hold characters words() splits on:
  // keep them whole and split the way a multi-term phrase or slug is joined.
  // A term may itself hold a dash ("team-3" of search-team-3-jane), so every
  // run of a slug's parts is a token.
  for (const whole of [...fields.names, ...fields.teams.map(t => t.name)]) {
    tokens.add(whole);
    whole.split(' ').forEach(part => tokens.add(part));
    const parts = whole.split('-');
    for (let from = 0; from < parts.length; from++) {
      for (let to = from + 1; to <= parts.length; to++) {
        tokens.add(parts.slice(from, to).join('-'));
      }
    }
  }
  for (const person of fields.people) {
    tokens.add(person.refName);
    person.refParts.forEach(part => tokens.add(part));
    person.displayWords.forEach(word => tokens.add(word));
  }
  return tokens;
}

/**
 * An inverted index of one generation of the reliability index: for each
 * token, the summaries that hold it. A summary can only match a query when
 * every term is one of its tokens, so a query ranks the intersection of the
 * terms' postings instead of scanning the catalog; the answers are exactly
 * those of {@link rankEntities}.
 */
export class SearchIndex {
  private readonly postings = new Map<string, number[]>();

  constructor(private readonly summaries: IndexSummary[]) {
    summaries.forEach((summary, position) => {
      for (const token of tokensOf(summary)) {
        const list = this.postings.get(token);
        if (list) list.push(position);
        else this.postings.set(token, [position]);
      }
    });
  }

  /** Ranked matches among the summaries `visible` lets through. */
  rank(
    terms: string[],
    visible: (summary: IndexSummary) => boolean = () => true,
  ): Match[] {
    if (!terms.length) return [];
    const lists = terms
      .map(term => this.postings.get(term) ?? [])
      .sort((a, b) => a.length - b.length);
    const others = lists.slice(1).map(list => new Set(list));
    const matches: Match[] = [];
    for (const position of lists[0]) {
      if (!others.every(set => set.has(position))) continue;
      const summary = this.summaries[position];
      if (!visible(summary)) continue;
      const match = matchEntity(summary, terms);
      if (match) matches.push(match);
    }
    return sortMatches(matches);
  }
}
