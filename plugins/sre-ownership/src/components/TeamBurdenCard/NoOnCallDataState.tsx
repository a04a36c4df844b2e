import Typography from '@material-ui/core/Typography';
import { describeWindow, formatMoment } from '../formatFigures';
import {
  SRE_OWNERSHIP_ANNOTATIONS,
  BurdenWindow,
  TeamScheduleFeed,
  sreOwnershipEventsCreatePermission,
} from '@sre-ownership/plugin-sre-ownership-common';
import { MissingDeclarationState } from '../states';

/** What a Group with no on-call data should add to its catalog-info.yaml. */
export const MISSING_SCHEDULE_YAML = `metadata:
  annotations:
    ${SRE_OWNERSHIP_ANNOTATIONS.oncallScheduleUrl}: https://…/schedule.ics`;

const OTHER_SOURCES = `Pages come from the Prometheus Alertmanager and PagerDuty webhooks. Shifts, pages and toil can also be sent in bulk to the ingestion API, POST /api/sre-ownership/events, with the ${sreOwnershipEventsCreatePermission.name} permission.`;

/** One feed's last read in words: when, and what it found. */
export function describeFeedRead(feed: TeamScheduleFeed): string {
  if (!feed.ok) {
    return `The schedule feed "${
      feed.feed
    }" could not be read at ${formatMoment(feed.lastRunAt)}: ${
      feed.lastError ?? 'the read failed'
    }.`;
  }
  const shifts = feed.shifts ?? 0;
  return `The schedule feed "${feed.feed}" was read at ${formatMoment(
    feed.lastRunAt,
  )} and holds ${shifts} shift${shifts === 1 ? '' : 's'}${
    shifts > 0 ? ', none of them in this window' : ''
  }.`;
}

/**
 * Shown when the team's status is no data: nothing was recorded for the
 * team in the window. A team with a schedule feed is told when the feed was
 * read and what it held; only a team without one is asked to add one.
 */
export function NoOnCallDataState(props: {
  window: BurdenWindow;
  scheduleFeeds?: TeamScheduleFeed[];
}) {
  const feeds = props.scheduleFeeds ?? [];
  const none = `No shifts, pages or toil were recorded for this team ${describeWindow(
    props.window,
  )}, so its on-call load is not judged.`;
  if (feeds.length === 0) {
    return (
      <MissingDeclarationState
        title="No on-call data for this team"
        description={`${none} No schedule feed is configured for it. Shifts come from the team's iCalendar schedule feed (PagerDuty, Opsgenie and others export one): add its URL to this Group's catalog-info.yaml as below. ${OTHER_SOURCES}`}
        yaml={MISSING_SCHEDULE_YAML}
      />
    );
  }
  return (
    <div role="status">
      <Typography variant="subtitle1">
        No on-call data in this window
      </Typography>
      <Typography variant="body2" color="textSecondary" paragraph>
        {none}
      </Typography>
      {feeds.map(feed => (
        <Typography
          key={feed.feed}
          variant="body2"
          color={feed.ok ? 'textPrimary' : 'error'}
          paragraph
          data-testid="schedule-feed-read"
        >
          {describeFeedRead(feed)}
        </Typography>
      ))}
      <Typography variant="body2" color="textSecondary">
        {OTHER_SOURCES}
      </Typography>
    </div>
  );
}

/**
 * Shown for a past window (a calendar month or quarter) in which nothing was
 * recorded: the team's data may well be flowing now, so no set-up advice.
 */
export function NoDataInPastWindow(props: { window: BurdenWindow }) {
  return (
    <Typography variant="body2" role="status">
      No shifts, pages or toil were recorded for this team{' '}
      {describeWindow(props.window)}. Choose another window to compare.
    </Typography>
  );
}
