import { HumanDuration } from '@backstage/types';

export interface Config {
  /** Configuration of the SRE Ownership plugin. */
  sreOwnership?: {
    /**
     * Organisation-wide defaults, used for any entity whose own annotations,
     * System, Domain and owning Groups do not declare a value.
     */
    defaults?: {
      /**
       * Ownership model when nothing is declared: platform, embedded, hybrid
       * or self-managed. Leave unset to show "not declared" instead.
       */
      model?: 'platform' | 'embedded' | 'hybrid' | 'self-managed';
      /** Entity ref of the platform SRE team, e.g. group:default/platform-sre. */
      platformTeam?: string;
    };
    /**
     * The responsibility matrix per ownership model: for each area
     * (monitoring, deployment-pipelines, incident-tooling, slo-definition,
     * on-call, capacity, postmortems, runbooks) who provides it: platform,
     * embedded, product or shared. Cells not given here use the built-in
     * matrix; entities may override single cells with the
     * sre-ownership.io/responsibilities annotation.
     */
    responsibilities?: {
      [model: string]: { [area: string]: string };
    };
    /** Escalation settings. */
    escalation?: {
      /**
       * Minutes between the levels of an escalation path derived from
       * ownership when an entity declares none. Defaults to 15.
       */
      derivedStepMinutes?: number;
    };
    /**
     * On-call schedule feeds in iCalendar (RFC 5545) format, such as
     * PagerDuty or Opsgenie schedule exports, read in addition to the Groups
     * annotated with sre-ownership.io/oncall-schedule-url.
     */
    schedules?: Array<{
      /**
       * Unique name of the feed. Its shifts are stored under the source
       * `ics:<name>`; renaming a feed stores its shifts again under the new
       * name.
       */
      name: string;
      /**
       * URL of the feed. `https:`, `http:` and `webcal:` URLs are read
       * through the backend's URL reader (allow the host under
       * backend.reading.allow); `file:` URLs and plain paths (ending in .ics)
       * are read from disk, relative to the backend's working directory. A
       * feed URL often embeds an access token: the plugin shows the feed by
       * name, and its URL at most as scheme and host.
       * @visibility secret
       */
      url: string;
      /** Entity ref of the Group whose rotation this is, e.g. group:default/payments. */
      team: string;
      /**
       * Where this feed's SUMMARY names the person on call, when neither an
       * ATTENDEE address nor a known vendor form does: a regular expression
       * (JavaScript syntax, read without case) with a group named `person`,
       * whose text is matched against the Users' e-mail addresses and names,
       * e.g. '^Rota (?<person>[^/]+) / '. Checked at start.
       */
      summaryPattern?: string;
    }>;
    /** How the schedule feeds are read. */
    scheduleSync?: {
      /**
       * How often every feed is read again, e.g. '15m' (the default),
       * 'PT15M' or { minutes: 15 }. Prefer a string: objects from several
       * config files merge key by key, so { seconds: 15 } over
       * { minutes: 1 } means 75 seconds, while a string replaces the value.
       */
      frequency?: HumanDuration | string;
    };
    /** The reliability overview and its index. Every key is optional. */
    overview?: {
      /**
       * How often the reliability index is compared with the catalog, e.g.
       * { seconds: 30 } (the default) or 'PT30S'. A catalog edit shows on
       * the overview, in search and on the cards at most this long after the
       * catalog has processed it.
       */
      refreshFrequency?: HumanDuration | string;
      /**
       * How long one caller's catalog read decision (and, for a conditional
       * decision, the list of entities they may read) is reused, e.g.
       * { seconds: 10 } (the default).
       */
      permissionCacheTtl?: HumanDuration | string;
      /**
       * How long a team's shifts around now are reused to say who is on
       * call, e.g. { seconds: 5 } (the default); { seconds: 0 } reads them
       * on every request. Shifts written through the same backend instance
       * show at once; those written through another replica within this.
       */
      onCallCacheTtl?: HumanDuration | string;
      /**
       * Reliability tiers in order, each with what it requires. Entities name
       * theirs with the sre-ownership.io/tier annotation.
       */
      tiers?: {
        [tier: string]: {
          /** At least this many declared escalation levels; a derived path does not count. */
          minEscalationLevels?: number;
          /** A backup for every specialist role. */
          specialistBackups?: boolean;
          /** A schedule feed or alert routing. */
          onCallSource?: boolean;
          /** At least one reliability owner in the catalog. */
          reliabilityOwner?: boolean;
          /** An ownership model declared in the catalog, not only the app-config default. */
          modelDeclared?: boolean;
        };
      };
      /** Tier of entities that name none; defaults to the last tier listed. */
      defaultTier?: string;
    };
    /** How on-call burden is measured. Every key is optional. */
    burden?: {
      /** Default window, in days, of the burden and health figures. Defaults to 28. */
      windowDays?: number;
      /** Sustainable limits; defaults from the Google SRE book. */
      limits?: {
        /** On-call weeks per engineer per month (4 weeks). Defaults to 1. */
        onCallWeeksPerMonth?: number;
        /** Pages per 12-hour on-call shift. Defaults to 2. */
        pagesPerShift?: number;
        /** Share of time on call, 0 to 1. Defaults to 0.25. */
        onCallShare?: number;
        /** Share of working time on toil, 0 to 1. Defaults to 0.5. */
        toilShare?: number;
      };
      /** Working and sleeping hours, applied in each engineer's own time zone. */
      workingTime?: {
        /** Start of business hours, HH:MM. Defaults to 09:00. */
        businessStart?: string;
        /**
         * End of business hours, HH:MM, after businessStart: business hours
         * lie within one day (no wrapping midnight, never empty). Defaults
         * to 17:00.
         */
        businessEnd?: string;
        /** Start of sleep hours, HH:MM. Defaults to 23:00. */
        sleepStart?: string;
        /** End of sleep hours, HH:MM. Defaults to 07:00. */
        sleepEnd?: string;
        /**
         * Holidays of everyone, real dates as YYYY-MM-DD (2026-02-30 stops
         * the backend at start), read in each engineer's own
         * calendar: outside business hours all day, and the holiday band of
         * the compensation export.
         */
        holidays?: string[];
        /**
         * Holidays of a country or region: each calendar applies to the
         * engineers whose own time zone (sre-ownership.io/timezone) is one
         * of its timezones, in addition to holidays.
         */
        regionalHolidays?: Array<{
          /** What the calendar is, e.g. Germany; shown in errors only. */
          name?: string;
          /**
           * IANA time zones of the people it applies to, e.g. Europe/Berlin;
           * old and new names of one zone (Asia/Calcutta, Asia/Kolkata) match.
           */
          timezones: string[];
          /** The holidays, YYYY-MM-DD. */
          dates: string[];
        }>;
      };
      /**
       * How much rest heavy on-call periods earn, in whole minutes
       * (docs/rest-and-compensation.md). A rule at 0 owes nothing.
       */
      restOwed?: {
        /** Owed per page triggered in the engineer's sleep hours. Defaults to 60. */
        sleepPageMinutes?: number;
        /**
         * Owed per 12 hours on call with more pages than
         * limits.pagesPerShift. Defaults to 240.
         */
        busyShiftMinutes?: number;
        /**
         * Percentage of the acknowledge-to-resolve minutes outside weekday
         * business hours owed back. Defaults to 100 (minute for minute).
         */
        offHoursResponsePercent?: number;
      };
      /**
       * Time zone of engineers whose User and Group declare none
       * (sre-ownership.io/timezone). Defaults to UTC.
       */
      defaultTimezone?: string;
    };
    /** PagerDuty v3 webhooks. */
    pagerDuty?: {
      /**
       * Signing secrets of the webhook subscriptions; a delivery must be signed
       * with one of them. Several while rotating.
       * @visibility secret
       */
      webhookSecrets?: string[];
    };
    /**
     * Prometheus instances the SLO status is read from (docs/slos.md). Only
     * the backend queries them; an OpenSLO DataSource may name one by
     * `connectionDetails.instance`, never by address.
     */
    prometheus?: {
      /** Name of the instance used when a declaration names none. Defaults to the first. */
      default?: string;
      /** Seconds to wait for an answer to one query. Defaults to 10. */
      timeoutSeconds?: number;
      /** Seconds an answer is reused. Defaults to 30. */
      cacheSeconds?: number;
      instances?: Array<{
        /** Unique name, e.g. prod. */
        name: string;
        /** Where the backend reaches the HTTP API, e.g. http://prometheus:9090. */
        baseUrl: string;
        /** Where people open the Prometheus UI; the SLO card links queries there. Defaults to baseUrl. */
        publicUrl?: string;
        /**
         * Bearer token sent as the Authorization header.
         * @visibility secret
         */
        token?: string;
        /**
         * Extra request headers, e.g. X-Scope-OrgID for a multi-tenant Prometheus.
         * @visibility secret
         */
        headers?: { [name: string]: string };
      }>;
    };
    /**
     * The scheduled SLO evaluation that measures every declared SLO and
     * stores its latest status for the overview's SLO tiles, the System and
     * Domain roll-ups and the burn notifications (docs/slos.md).
     */
    slos?: {
      /**
       * How often every SLO is measured, e.g. '1m' (the default) or
       * { minutes: 5 }. Each SLO costs 18 instant queries per evaluation.
       */
      evaluationFrequency?: HumanDuration | string;
      /**
       * SLOs with less than this share of their error budget left are
       * listed on the overview. Above 0 and at most 1; defaults to 0.25.
       */
      budgetThreshold?: number;
      /**
       * Tiers (sreOwnership.overview.tiers) whose services should declare
       * an SLO; defaults to the first tier listed.
       */
      requiredTiers?: string[];
    };
    /** How long the plugin waits on its database. */
    database?: {
      /**
       * Longest wait for one database statement, a lock included, and for
       * a delivery to be stored, e.g. '5s' (the default), 'PT5S' or
       * { seconds: 5 }; between 100 ms and 1 minute. Past it the request is
       * answered with a 503 and a Retry-After header. On PostgreSQL the
       * statement is cancelled on the server; on SQLite this is the busy
       * timeout. Migrations are not bounded by it.
       */
      statementTimeout?: HumanDuration | string;
    };
    /**
     * The anonymous on-call pulse (docs/oncall-pulse.md): after each shift
     * its engineer is invited to three 1-5 questions; answers are kept only
     * as team totals per period, published once after the period's answers
     * close, and shown as averages when enough engineers answered.
     */
    pulse?: {
      /**
       * Invitations after each shift, through the Backstage notifications
       * system (topic sre-ownership.pulse). Needs
       * @backstage/plugin-notifications-backend.
       */
      invitations?: {
        /** Turns the invitations on. Defaults to false. */
        enabled?: boolean;
      };
      /**
       * How often ended shifts are looked for (once across all replicas),
       * e.g. { minutes: 15 } (the default), 'PT15M' or '15m'.
       */
      frequency?: HumanDuration | string;
      /**
       * Engineers who answered (one answer each per period) a period needs
       * before its averages and comments show. Defaults to 5; a value
       * below 3 stops the backend at start-up, since an average of one or
       * two answers shows what a person said.
       */
      minimumAnswers?: number;
      /**
       * Length in days of a pulse period (7 to 366), counted from Monday
       * 2024-01-01. An answer counts in the period its shift ended in, and
       * the summary compares the last complete period with the one before.
       * Defaults to 28, the burden window. Teams with few, week-long shifts
       * may need a longer period to reach the minimum of answers.
       */
      periodDays?: number;
      /** Days after the end of a shift during which it can be answered (1 to 60). Defaults to 7. */
      answerWithinDays?: number;
      /**
       * Secret key of the hash that marks (engineer, team, period) as
       * answered, so that each engineer answers once per period and the
       * minimum counts people. Whoever holds it can test from the database
       * whether a given engineer answered in a period (never what they
       * answered). At least 16 characters. Required when
       * invitations.enabled is true, unless useDemoMarkerKey is: the
       * backend refuses to start without it.
       * @visibility secret
       */
      markerKey?: string;
      /**
       * Demo only: without markerKey, use a built-in key that is public, so
       * anyone with the database can tell who answered in which period.
       * Defaults to false; never set it in production.
       */
      useDemoMarkerKey?: boolean;
      /**
       * Path of the pulse page in the app, which invitations link to.
       * Defaults to /oncall-pulse, where the frontend plugin mounts it.
       */
      pagePath?: string;
    };
    /**
     * Notifications through the Backstage notifications system when a team's
     * on-call status worsens, an engineer crosses a limit, a service loses
     * its reliability owner or on-call cover, or a specialist role drops to
     * one person or none. Needs @backstage/plugin-notifications-backend.
     * A repeat of the same team x measure x window updates the notification
     * already sent; a condition that stays or improves sends nothing.
     */
    notifications?: {
      /** Turns the scheduled evaluation on. Defaults to false. */
      enabled?: boolean;
      /**
       * How often the evaluation runs (once across all replicas), e.g.
       * { minutes: 15 } (the default), 'PT15M' or '15m'.
       */
      frequency?: HumanDuration | string;
      /**
       * After a notification, a further worsening of the same scope within
       * this period waits until the period is over. Defaults to none.
       */
      quietPeriod?: HumanDuration | string;
      /** Team status and personal limits (topic sre-ownership.burden). */
      burden?: {
        /** Defaults to true. */
        enabled?: boolean;
        /**
         * The status worth a notification: 'at-risk' (the default) or
         * 'overloaded'.
         */
        minimumStatus?: 'at-risk' | 'overloaded';
        /**
         * Tell an engineer when they cross one of the burden limits (only
         * them). Defaults to true.
         */
        personalLimits?: boolean;
      };
      /**
       * A service losing its reliability owner or on-call cover (topic
       * sre-ownership.coverage).
       */
      coverage?: {
        /** Defaults to true. */
        enabled?: boolean;
      };
      /**
       * A specialist role declared on a team losing holders (topic
       * sre-ownership.specialists).
       */
      specialists?: {
        /** Defaults to true. */
        enabled?: boolean;
        /**
         * Notify when a role has fewer holders than this: 2 (the default,
         * a primary and a backup) or 1 (only when nobody is left).
         */
        minimumHolders?: 1 | 2;
      };
      /**
       * A page-level fast burn of an SLO, to its SLO guard and backups
       * (topic sre-ownership.slo), resolved when the burn stops. Sent after
       * each SLO evaluation (sreOwnership.slos.evaluationFrequency).
       */
      slo?: {
        /** Defaults to true. */
        enabled?: boolean;
      };
    };
  };
}
