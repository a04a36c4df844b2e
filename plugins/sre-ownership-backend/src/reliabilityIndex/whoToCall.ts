import {
  MatchKind,
  SPECIALIST_ROLES,
  SPECIALIST_ROLE_INFO,
  SpecialistRole,
} from '@sre-ownership/plugin-sre-ownership-common';
import { IndexSummary } from './indexEntry';

/**
 * Words that ask the question rather than name what it is about: "who owns
 * status-page", "payments-api escalation", "who is on call for search".
 */
const QUESTION_WORDS = new Set(
  [
    'who whom whose is are the a an do does i we call about for of on to what s please',
    'owns own owner owners owned owning responsible escalation escalate escalates',
    'oncall on-call contact reach page pages paging',
  ]
    .join(' ')
    .split(' '),
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
    ['architect', 'infrastructure-architect'],
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
  const words = text.split(' ').filter(Boolean);
  const terms = words.filter(word => !QUESTION_WORDS.has(word));
  // A query of question words only ("page", "owner") is about that word.
  return { ...(role ? { role } : {}), terms: terms.length || role ? terms : words };
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

/** How an entity's kind is asked for: "api", "resource", "team". */
const KIND_WORDS: Record<string, string[]> = {
  group: ['group', 'team'],
};

/** What search compares a query with, lower-cased and split once. */
interface SearchFields {
  names: string[];
  teams: Array<{
    as: (typeof TEAM_FIELDS)[number];
    ref: string;
    name: string;
    title: string;
  }>;
  people: Array<{
    party: IndexSummary['people'][number];
    displayWords: Set<string>;
    refName: string;
    refParts: Set<string>;
  }>;
  tags: Set<string>;
  /** Words of the kind and `spec.type`: "resource", "database". */
  kindWords: Set<string>;
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
    if (!ref) return [];
    const name = nameOf(ref);
    return [{ as, ref, name: lower(name), title: summary.titles?.[as] ?? name }];
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
    kindWords: new Set([
      ...(KIND_WORDS[summary.kind] ?? [summary.kind]),
      ...words(summary.type),
    ]),
    nameOrTeamWords: new Set([
      ...words(summary.name),
      ...words(summary.title),
      ...teams.flatMap(team => [...words(team.name), ...words(team.title)]),
    ]),
    descriptionWords: new Set(words(summary.description)),
  };
  searchFieldsCache.set(summary, fields);
  return fields;
}

/**
 * Whether a word the person typed is one of the entity's words or the start
 * of one ("pay" of "payments", "postgres" of "postgresql"): results come as
 * people type, so a half-typed word already answers.
 */
function matchesWord(term: string, candidates: Iterable<string>): boolean {
  for (const candidate of candidates) {
    if (candidate.startsWith(term)) return true;
  }
  return false;
}

/** Whether a term is one of the words exactly, not only their start. */
const exactly = (term: string, ...sets: Array<Set<string>>) =>
  sets.some(set => set.has(term));

/** How much lower a match ranks when some word matched by its start only. */
const PREFIX_PENALTY = 0.25;

/**
 * Ranks one entity for the terms: exact name (or title) first, then the
 * owner, team or person it names, then its tags, kind or type, then its
 * description. Every term must match somewhere, whole or as the start of a
 * word; whole words rank above started ones.
 */
export function matchEntity(
  summary: IndexSummary,
  terms: string[],
): Match | undefined {
  if (!terms.length) return undefined;
  const phrase = terms.join(' ');
  const slug = terms.join('-');
  const fields = searchFieldsOf(summary);
  const named = summary.title ?? summary.name;
  if (fields.names.includes(phrase) || fields.names.includes(slug)) {
    return { summary, match: 'name', rank: RANK.name, why: `Its name is ${named}.` };
  }
  const team = fields.teams.find(t => t.name === phrase || t.name === slug);
  if (team) {
    return {
      summary,
      match: 'person',
      rank: RANK.person,
      why: `Its ${team.as} is ${team.title}.`,
    };
  }
  const person = fields.people.find(p =>
    terms.every(
      term =>
        p.refName === term ||
        matchesWord(term, p.displayWords) ||
        matchesWord(term, p.refParts),
    ),
  );
  if (person) {
    const whole = terms.every(
      term =>
        exactly(term, person.displayWords, person.refParts) ||
        person.refName === term,
    );
    return {
      summary,
      match: 'person',
      rank: RANK.person + (whole ? 0 : PREFIX_PENALTY),
      why: `${person.party.displayName} is its ${person.party.as}.`,
    };
  }
  const { tags, kindWords, nameOrTeamWords, descriptionWords } = fields;
  const penalty = (...sets: Array<Set<string>>) =>
    terms.every(term => exactly(term, ...sets)) ? 0 : PREFIX_PENALTY;
  const labelled = [tags, kindWords, nameOrTeamWords];
  if (terms.every(t => labelled.some(set => matchesWord(t, set)))) {
    if (terms.some(t => matchesWord(t, tags))) {
      return {
        summary,
        match: 'tag',
        rank: RANK.tag + penalty(...labelled),
        why: `It is tagged ${summary.tags.join(', ')}.`,
      };
    }
    if (terms.some(t => matchesWord(t, kindWords))) {
      return {
        summary,
        match: 'tag',
        rank: RANK.tag + penalty(...labelled),
        why: `It is a ${summary.kind}${
          summary.type ? ` of type ${summary.type}` : ''
        }.`,
      };
    }
    return {
      summary,
      match: 'person',
      rank: RANK.person + 0.5 + penalty(...labelled),
      why: `Its name or team matches "${phrase}".`,
    };
  }
  const all = [...labelled, descriptionWords];
  if (terms.every(t => all.some(set => matchesWord(t, set)))) {
    return {
      summary,
      match: 'description',
      rank: RANK.description + penalty(...all),
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
    ...fields.kindWords,
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
 * every term is one of its tokens or the start of one, so a query ranks the
 * intersection of the terms' postings instead of scanning the catalog; the
 * answers are exactly those of {@link rankEntities}.
 */
export class SearchIndex {
  private readonly postings = new Map<string, number[]>();
  /** Every token, sorted by code unit, to find those a term starts. */
  private readonly sortedTokens: string[];

  constructor(private readonly summaries: IndexSummary[]) {
    summaries.forEach((summary, position) => {
      for (const token of tokensOf(summary)) {
        const list = this.postings.get(token);
        if (list) list.push(position);
        else this.postings.set(token, [position]);
      }
    });
    this.sortedTokens = [...this.postings.keys()].sort(byCodeUnit);
  }

  /** The summaries holding a token that starts with `term`. */
  private holding(term: string): Set<number> {
    const tokens = this.sortedTokens;
    let low = 0;
    let high = tokens.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (tokens[middle] < term) low = middle + 1;
      else high = middle;
    }
    const positions = new Set<number>();
    for (let i = low; i < tokens.length && tokens[i].startsWith(term); i++) {
      (this.postings.get(tokens[i]) ?? []).forEach(p => positions.add(p));
    }
    return positions;
  }

  /** Ranked matches among the summaries `visible` lets through. */
  rank(
    terms: string[],
    visible: (summary: IndexSummary) => boolean = () => true,
  ): Match[] {
    if (!terms.length) return [];
    const sets = terms
      .map(term => this.holding(term))
      .sort((a, b) => a.size - b.size);
    const matches: Match[] = [];
    for (const position of sets[0]) {
      if (!sets.every(set => set.has(position))) continue;
      const summary = this.summaries[position];
      if (!visible(summary)) continue;
      const match = matchEntity(summary, terms);
      if (match) matches.push(match);
    }
    return sortMatches(matches);
  }
}
