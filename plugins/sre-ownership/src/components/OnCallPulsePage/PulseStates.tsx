import { Alert, AlertTitle } from '@material-ui/lab';

/** After a successful answer. */
export function ThanksState() {
  return (
    <Alert severity="success" role="status">
      <AlertTitle>Thank you</AlertTitle>
      Your answer was added to your team's pulse. It is shown only as team
      averages, after the period's answers have closed and only if enough people
      answered.
    </Alert>
  );
}

/** The engineer answered for this team and period before. */
export function AlreadyAnsweredState() {
  return (
    <Alert severity="info" role="status">
      <AlertTitle>Already answered</AlertTitle>
      You have answered the pulse for this period. Each engineer answers once
      per period, however many shifts they had in it.
    </Alert>
  );
}

/** Too long after the shift. */
export function ClosedState(props: { answerBy: string }) {
  return (
    <Alert severity="info" role="status">
      <AlertTitle>This pulse has closed</AlertTitle>
      Answers for this shift were accepted until{' '}
      {new Date(props.answerBy).toUTCString()}.
    </Alert>
  );
}

/** The invitation belongs to someone else's shift (403). */
export function NotYourShiftState() {
  return (
    <Alert severity="warning" role="status">
      <AlertTitle>Not your shift</AlertTitle>
      This pulse invitation is for another engineer's shift. Only the engineer
      who was on call can answer it; open the invitation from your own
      notifications.
    </Alert>
  );
}

/** No invitation in the address. */
export function NoInvitationState() {
  return (
    <Alert severity="info" role="status">
      <AlertTitle>No invitation</AlertTitle>
      When one of your on-call shifts ends, you are invited to this pulse
      through a notification. Open the pulse from that notification.
    </Alert>
  );
}
