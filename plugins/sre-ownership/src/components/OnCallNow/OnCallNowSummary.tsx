import Typography from '@material-ui/core/Typography';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { OnCallNow } from '@sre-ownership/plugin-sre-ownership-common';
import { Fragment } from 'react';
import { formatMoment } from '../formatFigures';

function Moment(props: { iso: string }) {
  return <time dateTime={props.iso}>{formatMoment(props.iso)}</time>;
}

function Engineer(props: { userRef: string }) {
  return (
    <EntityRefLink entityRef={props.userRef} defaultKind="user" hideIcon />
  );
}

/**
 * Who carries a team's pager now and until when, and who takes it next from
 * when, with times in the viewer's own time zone.
 */
export function OnCallNowSummary(props: { onCall: OnCallNow }) {
  const { current, next } = props.onCall;
  return (
    <>
      <Typography variant="body2">
        {current.length === 0 ? (
          'Nobody is on call now.'
        ) : (
          <>
            {'On call now: '}
            {current.map((shift, index) => (
              <Fragment key={shift.userRef}>
                {index > 0 && ', '}
                <Engineer userRef={shift.userRef} />
                {' until '}
                <Moment iso={shift.until} />
              </Fragment>
            ))}
          </>
        )}
      </Typography>
      {next && (
        <Typography variant="body2" color="textSecondary">
          {'Next: '}
          <Engineer userRef={next.userRef} />
          {' from '}
          <Moment iso={next.from} />
        </Typography>
      )}
    </>
  );
}
