import {
  PulsePeriod,
  pulsePublicationTime,
  summarisePulsePeriod,
} from '@sre-ownership/plugin-sre-ownership-common';
import { PulseSettings } from './pulseConfig';
import {
  OpenPulsePeriod,
  PublishedPulsePeriod,
  PulsePeriodKey,
  PulseStore,
} from './PulseStore';
import { shuffle } from './shuffle';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Publishes each team's period once, after its answers closed
 * (`pulsePublicationTime`): from then on the team view shows that summary
 * and nothing else of the period, so no later answer can be watched
 * arriving. Publication happens on the scheduled task and, for a period
 * nobody published yet, on its first read.
 */
export class PulsePublisher {
  constructor(
    private readonly options: {
      store: PulseStore;
      settings: Pick<
        PulseSettings,
        'minimumAnswers' | 'periodDays' | 'answerWithinDays'
      >;
    },
  ) {}

  /**
   * The team's summaries of `periods`, which must all be due: each one is
   * published first if it was not. Absent for a period nobody answered.
   */
  async published(
    teamRef: string,
    periods: PulsePeriod[],
  ): Promise<Map<string, PublishedPulsePeriod>> {
    const { store } = this.options;
    const published = await store.readPublished(
      teamRef,
      periods.map(period => period.from),
    );
    const missing = periods.filter(period => !published.has(period.from));
    if (!missing.length) return published;
    // Most teams' periods have no answer: one query finds those that do.
    const answered = new Set(
      (
        await store.listOpenPeriods({
          teamRef,
          periodStarts: missing.map(period => period.from),
        })
      ).map(key => key.periodStart),
    );
    for (const period of missing) {
      if (!answered.has(period.from)) continue;
      const summary = await store.publishPeriod(
        { teamRef, periodStart: period.from },
        open => this.summarise(period, open),
      );
      if (summary) published.set(period.from, summary);
    }
    return published;
  }

  /** Publishes every open period whose time has come; how many it did. */
  async publishDue(now: number): Promise<number> {
    const { store, settings } = this.options;
    let count = 0;
    for (const key of await store.listOpenPeriods()) {
      const period = this.periodOf(key);
      if (pulsePublicationTime(period, settings.answerWithinDays) > now) {
        continue;
      }
      await store.publishPeriod(key, open => this.summarise(period, open));
      count += 1;
    }
    return count;
  }

  /**
   * The summary to publish: averages and comments only from the minimum of
   * people; below it, only how many answered (their sums and comments are
   * dropped, so a later, lower minimum cannot reveal them).
   */
  private summarise(
    period: PulsePeriod,
    open: OpenPulsePeriod,
  ): PublishedPulsePeriod {
    const { minimumAnswers } = this.options.settings;
    const { averages } = summarisePulsePeriod(
      period,
      { answers: open.people, sums: open.sums },
      minimumAnswers,
    );
    return {
      people: open.people,
      minimumAnswers,
      ...(averages ? { averages } : {}),
      comments: averages ? shuffle(open.comments) : [],
    };
  }

  /** The stored period, with today's length (a changed length starts new periods). */
  private periodOf(key: PulsePeriodKey): PulsePeriod {
    const from = Date.parse(`${key.periodStart}T00:00:00Z`);
    const to = from + this.options.settings.periodDays * DAY_MS;
    return {
      from: key.periodStart,
      to: new Date(to).toISOString().slice(0, 10),
    };
  }
}
