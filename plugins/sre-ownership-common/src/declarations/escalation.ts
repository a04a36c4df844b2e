import { SRE_OWNERSHIP_ANNOTATIONS as KEYS } from '../annotations';
import {
  EscalationLevelDeclaration,
  EscalationTargetType,
  parseDelayMinutes,
} from '../escalation';
import { DeclarationReader, splitList } from './reader';

const ESCALATION_LEVEL = /^(\S+)(?:\s+after\s+(.+))?$/i;

/** The kind and ref of a level's target; reported when either is wrong. */
function readEscalationTarget(
  reader: DeclarationReader,
  item: string,
  target: string,
): Pick<EscalationLevelDeclaration, 'type' | 'ref'> | undefined {
  const key = KEYS.escalation;
  const [prefix] = target.split(':', 1);
  const type = prefix.toLocaleLowerCase('en-US') as EscalationTargetType;
  if (!target.includes(':') || !['user', 'group', 'oncall'].includes(type)) {
    reader.report(
      key,
      item,
      `"${target}" needs a target kind: user:<name>, group:<name> or oncall:<group name> (the team's on-call rotation)`,
    );
    return undefined;
  }
  const ref =
    type === 'oncall'
      ? reader.ref(key, target.slice('oncall:'.length), {
          defaultKind: 'Group',
          allowedKinds: ['group'],
        })
      : reader.ref(key, target, { defaultKind: 'User', allowedKinds: [type] });
  return ref ? { type, ref } : undefined;
}

/**
 * When a level is paged, in minutes after the page is raised; reported when
 * missing after the first level, malformed or not after the previous level.
 */
function readEscalationDelay(
  reader: DeclarationReader,
  item: string,
  target: string,
  delayText: string | undefined,
  previous: EscalationLevelDeclaration | undefined,
): number | undefined {
  const key = KEYS.escalation;
  let afterMinutes = 0;
  if (delayText !== undefined) {
    const parsed = parseDelayMinutes(delayText);
    if (parsed === undefined) {
      reader.report(
        key,
        item,
        `"${delayText}" is not a delay; write minutes, hours or seconds such as 5m, 1h, 1h30m or 90s`,
      );
      return undefined;
    }
    afterMinutes = parsed;
  } else if (previous) {
    reader.report(
      key,
      item,
      `needs a delay: say when it is paged, for example "${target} after ${
        previous.afterMinutes + 15
      }m"`,
    );
    return undefined;
  }
  if (previous && afterMinutes <= previous.afterMinutes) {
    reader.report(
      key,
      item,
      `is paged ${afterMinutes} minutes after the page is raised, not after the previous level (${previous.afterMinutes} minutes); delays count from the start of the page and must increase`,
    );
    return undefined;
  }
  return afterMinutes;
}

/** One level, `<target> [after <delay>]`, checked against the one before it. */
function readEscalationLevel(
  reader: DeclarationReader,
  item: string,
  previous: EscalationLevelDeclaration | undefined,
): EscalationLevelDeclaration | undefined {
  const key = KEYS.escalation;
  const match = ESCALATION_LEVEL.exec(item);
  if (!match) {
    reader.report(
      key,
      item,
      'write each level as <target> [after <delay>], for example "user:default/jane-doe after 15m"',
    );
    return undefined;
  }
  const [, target, delayText] = match;
  const parsedTarget = readEscalationTarget(reader, item, target);
  if (!parsedTarget) return undefined;
  const afterMinutes = readEscalationDelay(
    reader,
    item,
    target,
    delayText,
    previous,
  );
  if (afterMinutes === undefined) return undefined;
  return { type: parsedTarget.type, ref: parsedTarget.ref, afterMinutes };
}

/**
 * The declared escalation path; none of it when any level is broken or when
 * it declares no level.
 */
export function readEscalation(
  reader: DeclarationReader,
): EscalationLevelDeclaration[] | undefined {
  const raw = reader.raw(KEYS.escalation);
  if (raw === undefined) return undefined;
  const levels: EscalationLevelDeclaration[] = [];
  const problemsBefore = reader.problems.length;
  for (const item of splitList(raw)) {
    const level = readEscalationLevel(reader, item, levels[levels.length - 1]);
    if (level) levels.push(level);
  }
  if (levels.length === 0 && reader.problems.length === problemsBefore) {
    reader.report(
      KEYS.escalation,
      raw,
      'declares no level; list at least one target, one per line',
    );
  }
  // A path with a broken level would skip a step at 3 a.m.: use none of it.
  return reader.problems.length === problemsBefore && levels.length > 0
    ? levels
    : undefined;
}
