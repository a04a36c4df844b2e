import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Card from '@material-ui/core/Card';
import CardContent from '@material-ui/core/CardContent';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import {
  SPECIALIST_ROLE_INFO,
  WhoToCallAnswer,
  onCallRotations,
} from '@sre-ownership/plugin-sre-ownership-common';
import { Fragment } from 'react';
import { formatMoment } from '../formatFigures';
import { PartyLink } from '../PartyLink';

const useStyles = makeStyles(theme => ({
  card: { marginBottom: theme.spacing(2) },
  label: { fontWeight: theme.typography.fontWeightBold as number },
  line: { marginTop: theme.spacing(1) },
  list: { margin: 0, paddingLeft: theme.spacing(2.5) },
}));

const KIND_LABELS: Record<string, string> = {
  component: 'Component',
  api: 'API',
  resource: 'Resource',
  system: 'System',
  domain: 'Domain',
  group: 'Team',
};

/** One answer to "who do I call?": who to call now, and why it matched. */
export function AnswerCard(props: { answer: WhoToCallAnswer }) {
  const { answer } = props;
  const classes = useStyles();
  const specialist = answer.specialist;
  const rotations = onCallRotations(answer).map(({ level, onCall }) => ({
    prefix: level === undefined ? '' : `level ${level}: `,
    onCall,
  }));
  return (
    <Card className={classes.card} data-testid="answer" variant="outlined">
      <CardContent>
        <Typography variant="h6" component="h3">
          <EntityRefLink entityRef={answer.entityRef} title={answer.title} />
        </Typography>
        <Typography variant="caption" color="textSecondary">
          {KIND_LABELS[answer.kind] ?? answer.kind} · {answer.why}
        </Typography>
        {specialist && (
          <div className={classes.line}>
            <span className={classes.label}>
              {SPECIALIST_ROLE_INFO[specialist.role].title}:{' '}
            </span>
            {specialist.primary ? (
              <PartyLink party={specialist.primary} />
            ) : (
              'nobody declared'
            )}
            {specialist.backups.length > 0 && (
              <>
                {' '}
                (backup{specialist.backups.length > 1 ? 's' : ''}:{' '}
                {specialist.backups.map((party, index) => (
                  <span key={party.ref}>
                    {index > 0 && ', '}
                    <PartyLink party={party} withoutContacts />
                  </span>
                ))}
                )
              </>
            )}
          </div>
        )}
        <div className={classes.line}>
          <span className={classes.label}>Reliability owners: </span>
          {answer.reliabilityOwners.length
            ? answer.reliabilityOwners.map((party, index) => (
                <span key={party.ref}>
                  {index > 0 && ', '}
                  <PartyLink party={party} />
                </span>
              ))
            : 'none declared'}
        </div>
        <div className={classes.line}>
          <span className={classes.label}>On call now: </span>
          {rotations.some(rotation => rotation.onCall.current.length) ? (
            rotations.flatMap(rotation =>
              rotation.onCall.current.map(shift => (
                <span key={`${rotation.prefix}-${shift.userRef}`}>
                  {rotation.prefix}
                  <EntityRefLink entityRef={shift.userRef} /> until{' '}
                  <time dateTime={shift.until}>
                    {formatMoment(shift.until)}
                  </time>{' '}
                </span>
              )),
            )
          ) : (
            <Typography component="span" color="textSecondary">
              — nobody known (no shift now for{' '}
              {rotations.length
                ? rotations.map((rotation, index) => (
                    <Fragment key={rotation.onCall.teamRef}>
                      {index > 0 && ', '}
                      <EntityRefLink
                        entityRef={rotation.onCall.teamRef}
                        defaultKind="group"
                        hideIcon
                      />
                    </Fragment>
                  ))
                : 'any on-call team'}
              )
            </Typography>
          )}
        </div>
        {answer.escalation.length > 0 && (
          <div className={classes.line}>
            <span className={classes.label}>Escalation path:</span>
            <ol className={classes.list}>
              {answer.escalation.map(level => (
                <li key={level.level}>
                  {level.afterMinutes
                    ? `after ${level.afterMinutes} min: `
                    : 'first: '}
                  {level.type === 'oncall' ? 'on call for ' : ''}
                  <PartyLink party={level.target} withoutContacts />
                </li>
              ))}
            </ol>
          </div>
        )}
      </CardContent>
    </Card>
  );
}
