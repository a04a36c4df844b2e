import { Config } from '@backstage/config';
import { HumanDuration } from '@backstage/types';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { invalidAppConfig } from '@sre-ownership/plugin-sre-ownership-common';
import { readOptionalDuration } from '../appConfig/readDuration';

/** An on-call schedule feed named in app-config. */
export interface ScheduleFeedConfig {
  /** Unique name of the feed; its shifts are stored as `ics:<name>`. */
  name: string;
  /** URL of the iCalendar feed, or a `file:` URL or path. */
  url: string;
  /** Group entity ref of the rotation, e.g. `group:default/payments`. */
  teamRef: string;
  /** Set for feeds named by a Group annotation rather than app-config. */
  fromCatalog?: boolean;
  /** Where the feed's SUMMARY names the person: the `person` group. */
  summaryPattern?: RegExp;
}

function readScheduleTeam(key: string, team: string | undefined): string {
  if (!team?.trim()) {
    invalidAppConfig(key, 'is required: the Group ref of the rotation');
  }
  try {
    const ref = parseEntityRef(team, {
      defaultKind: 'Group',
      defaultNamespace: 'default',
    });
    if (ref.kind.toLocaleLowerCase('en-US') === 'group') {
      return stringifyEntityRef(ref);
    }
  } catch {
    // Reported below like a ref of the wrong kind.
  }
  return invalidAppConfig(
    key,
    `"${team}" is not a Group ref; write it as group:default/payments`,
  );
}

/** The feeds of `sreOwnership.schedules`, each with a unique name and a Group. */
export function readSchedules(config: Config): ScheduleFeedConfig[] {
  const entries = config.getOptionalConfigArray('sreOwnership.schedules') ?? [];
  const names = new Set<string>();
  return entries.map((entry, index) => {
    const key = `sreOwnership.schedules[${index}]`;
    const name = entry.getOptionalString('name')?.trim();
    if (!name)
      invalidAppConfig(
        `${key}.name`,
        'is required: a unique name for the feed',
      );
    if (names.has(name))
      invalidAppConfig(`${key}.name`, `"${name}" is used twice`);
    names.add(name);
    const url = entry.getOptionalString('url')?.trim();
    if (!url) {
      invalidAppConfig(
        `${key}.url`,
        'is required: the iCalendar feed URL or file path',
      );
    }
    const teamRef = readScheduleTeam(
      `${key}.team`,
      entry.getOptionalString('team'),
    );
    const summaryPattern = readSummaryPattern(
      `${key}.summaryPattern`,
      entry.getOptionalString('summaryPattern'),
    );
    return { name, url, teamRef, ...(summaryPattern && { summaryPattern }) };
  });
}

/** How often the feeds are read, `sreOwnership.scheduleSync.frequency`. */
export function readScheduleSyncFrequency(config: Config): HumanDuration {
  const key = 'sreOwnership.scheduleSync.frequency';
  return readOptionalDuration(config, key, { fallback: { minutes: 15 } });
}

function readSummaryPattern(
  key: string,
  source: string | undefined,
): RegExp | undefined {
  if (source === undefined) return undefined;
  let pattern: RegExp;
  try {
    pattern = new RegExp(source, 'i');
  } catch (error) {
    return invalidAppConfig(
      key,
      `is not a regular expression: ${(error as Error).message}`,
    );
  }
  if (!/\(\?<person>/.test(source)) {
    invalidAppConfig(
      key,
      'has no (?<person>...) group; write e.g. "^On call: (?<person>.+)$"',
    );
  }
  return pattern;
}
