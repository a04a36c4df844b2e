/**
 * What an escalation level pages: a person, a team, or whoever is on call in a
 * team's rotation.
 *
 * @public
 */
export type EscalationTargetType = 'user' | 'group' | 'oncall';

/**
 * One declared escalation level.
 *
 * @public
 */
export interface EscalationLevelDeclaration {
  type: EscalationTargetType;
  /** User or Group entity ref; for `oncall`, the Group whose rotation is paged. */
  ref: string;
  /** Minutes after the page is raised at which this level is paged. */
  afterMinutes: number;
}

const DELAY = /^(?:(\d+)h)?\s*(?:(\d+)m)?\s*(?:(\d+)s)?$/;

/**
 * Parses a delay such as `15m`, `1h`, `1h30m` or `90s` into minutes;
 * `undefined` when it is not one.
 *
 * @public
 */
export function parseDelayMinutes(value: string): number | undefined {
  const match = DELAY.exec(value.trim().toLowerCase());
  if (!match || !(match[1] || match[2] || match[3])) {
    return undefined;
  }
  const [hours, minutes, seconds] = [match[1], match[2], match[3]].map(part =>
    Number(part ?? 0),
  );
  return hours * 60 + minutes + seconds / 60;
}

/**
 * Formats minutes as a short delay, e.g. `1h 30m`.
 *
 * @public
 */
export function formatDelay(minutes: number): string {
  // Round once, to whole seconds, so that 59.999 minutes reads 1h, not 59m 60s.
  const totalSeconds = Math.round(minutes * 60);
  if (totalSeconds === 0) return 'immediately';
  const hours = Math.floor(totalSeconds / 3600);
  const wholeMinutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  const parts = [
    hours ? `${hours}h` : '',
    wholeMinutes ? `${wholeMinutes}m` : '',
    seconds ? `${seconds}s` : '',
  ];
  return parts.filter(Boolean).join(' ');
}
