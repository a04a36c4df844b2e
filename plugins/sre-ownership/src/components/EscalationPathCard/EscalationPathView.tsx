import Chip from '@material-ui/core/Chip';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import {
  ResolvedOwnership,
  SRE_OWNERSHIP_ANNOTATIONS,
  describeSource,
} from '@sre-ownership/plugin-sre-ownership-common';
import { OwnershipProblems } from '../OwnershipProblems';
import { MissingDeclarationState } from '../states';
import { EscalationLevelList } from './EscalationLevelList';

const useStyles = makeStyles(theme => ({
  derived: {
    display: 'flex',
    alignItems: 'flex-start',
    gap: theme.spacing(1),
    marginBottom: theme.spacing(1.5),
  },
  broken: {
    color: theme.palette.error.contrastText,
    backgroundColor: theme.palette.error.main,
    flexShrink: 0,
  },
}));

/** The annotation an entity with no escalation path should add. */
export const MISSING_ESCALATION_YAML = `metadata:
  annotations:
    ${SRE_OWNERSHIP_ANNOTATIONS.escalation}: |
      oncall:group:default/your-team
      user:default/someone after 15m
      group:default/platform-sre after 30m`;

/** Everything the escalation path card shows once ownership loaded. */
export function EscalationPathView(props: { ownership: ResolvedOwnership }) {
  const { ownership } = props;
  const { escalation } = ownership;
  const classes = useStyles();
  const problems = ownership.problems.filter(
    problem => problem.annotation === SRE_OWNERSHIP_ANNOTATIONS.escalation,
  );
  return (
    <>
      <OwnershipProblems
        problems={problems}
        currentEntityRef={ownership.entityRef}
      />
      {escalation.levels.length === 0 && !escalation.broken ? (
        <MissingDeclarationState
          title="No escalation path"
          description="Nothing declares whom to page, and there is no team to derive a path from. Add an escalation path, one level per line, to this entity's catalog-info.yaml (or to its System, Domain or owning Group):"
          yaml={MISSING_ESCALATION_YAML}
        />
      ) : (
        <>
          {escalation.broken && (
            <div className={classes.derived}>
              <Chip
                size="small"
                className={classes.broken}
                label="Declaration broken"
              />
              <Typography variant="caption">
                The escalation path declared on {escalation.broken.entityRef}{' '}
                cannot be used: {escalation.broken.message}
              </Typography>
            </div>
          )}
          {escalation.derived && (
            <div className={classes.derived}>
              <Chip size="small" variant="outlined" label="Derived" />
              <Typography variant="caption" color="textSecondary">
                {describeSource(escalation.source)}
              </Typography>
            </div>
          )}
          <EscalationLevelList path={escalation} />
        </>
      )}
    </>
  );
}
