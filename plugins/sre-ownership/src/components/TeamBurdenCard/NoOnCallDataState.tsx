import Typography from '@material-ui/core/Typography';
import { describeWindow } from '../formatFigures';
import {
  SRE_OWNERSHIP_ANNOTATIONS,
  BurdenWindow,
  TeamBurden,
  sreOwnershipEventsCreatePermission,
} from '@sre-ownership/plugin-sre-ownership-common';
import { MissingDeclarationState } from '../states';

/** What a Group with no on-call data should add to its catalog-info.yaml. */
export const MISSING_SCHEDULE_YAML = `metadata:
  annotations:
    ${SRE_OWNERSHIP_ANNOTATIONS.oncallScheduleUrl}: https://…/schedule.ics`;

/**
 * Whether nothing at all was recorded for the team in the window: no shift,
 * page or toil, for the team or for any of its engineers.
 */
export function isWithoutOnCallData(burden: TeamBurden): boolean {
  const { pages, coverageHours, toilMinutes } = burden.current;
  const engineerHasFigures = (burden.engineers ?? []).some(
    ({ current }) =>
      current.onCallHours > 0 || current.pages > 0 || current.toilMinutes > 0,
  );
  return (
    pages === 0 &&
    coverageHours === 0 &&
    toilMinutes === 0 &&
    !engineerHasFigures
  );
}

/** Shown when no on-call data arrived for the team, with how to send it. */
export function NoOnCallDataState(props: { window: BurdenWindow }) {
  return (
    <MissingDeclarationState
      title="No on-call data for this team"
      description={`No shifts, pages or toil were recorded for this team ${describeWindow(
        props.window,
      )}. Shifts come from the team's iCalendar schedule feed (PagerDuty, Opsgenie and others export one): add its URL to this Group's catalog-info.yaml as below. Pages come from the Prometheus Alertmanager and PagerDuty webhooks. Shifts, pages and toil can also be sent in bulk to the ingestion API, POST /api/sre-ownership/events, with the ${
        sreOwnershipEventsCreatePermission.name
      } permission.`}
      yaml={MISSING_SCHEDULE_YAML}
    />
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
