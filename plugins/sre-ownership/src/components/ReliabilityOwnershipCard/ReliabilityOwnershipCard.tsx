import { InfoCard } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { getCompoundEntityRef } from '@backstage/catalog-model';
import { EntityRefLink, useEntity } from '@backstage/plugin-catalog-react';
import Chip from '@material-ui/core/Chip';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { Alert } from '@material-ui/lab';
import {
  DeclaredOwnership,
  OWNERSHIP_MODEL_DESCRIPTIONS,
  SRE_OWNERSHIP_ANNOTATIONS,
} from '@sre-ownership/plugin-sre-ownership-common';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { sreOwnershipApiRef } from '../../api';
import { ErrorState, LoadingState, MissingDeclarationState } from '../states';

const useStyles = makeStyles(theme => ({
  section: { marginTop: theme.spacing(2) },
  list: { display: 'flex', flexWrap: 'wrap', gap: theme.spacing(1) },
}));

const EXAMPLE_YAML = `metadata:
  annotations:
    ${SRE_OWNERSHIP_ANNOTATIONS.model}: hybrid
    ${SRE_OWNERSHIP_ANNOTATIONS.platformTeam}: group:default/platform-sre
    ${SRE_OWNERSHIP_ANNOTATIONS.embeddedSres}: user:default/jane-doe`;

/**
 * Entity card: who owns the reliability of this entity and under which model.
 *
 * @public
 */
export function ReliabilityOwnershipCard() {
  const { entity } = useEntity();
  const api = useApi(sreOwnershipApiRef);
  const ref = getCompoundEntityRef(entity);
  const { value, loading, error } = useAsyncRetry(
    () => api.getDeclaredOwnership(ref),
    [api, ref.kind, ref.namespace, ref.name],
  );

  return (
    <InfoCard title="Reliability ownership">
      {loading && <LoadingState />}
      {!loading && error && (
        <ErrorState error={error} subject="reliability ownership" />
      )}
      {!loading && value && <OwnershipView ownership={value} />}
    </InfoCard>
  );
}

function isEmpty(ownership: DeclaredOwnership) {
  return (
    !ownership.model &&
    !ownership.platformTeam &&
    ownership.embeddedSres.length === 0 &&
    ownership.problems.length === 0
  );
}

function OwnershipView(props: { ownership: DeclaredOwnership }) {
  const { ownership } = props;
  const classes = useStyles();
  if (isEmpty(ownership)) {
    return (
      <MissingDeclarationState
        title="No reliability ownership declared"
        description={`Add the ${SRE_OWNERSHIP_ANNOTATIONS.model} annotation (and the teams that own reliability) to this entity's catalog-info.yaml:`}
        yaml={EXAMPLE_YAML}
      />
    );
  }
  return (
    <>
      {ownership.problems.map(problem => (
        <Alert
          key={`${problem.annotation}:${problem.value}`}
          severity={problem.severity}
        >
          {problem.annotation}: {problem.message}
        </Alert>
      ))}
      {ownership.model && (
        <div className={classes.section}>
          <Chip color="primary" label={ownership.model} />
          <Typography variant="body2">
            {OWNERSHIP_MODEL_DESCRIPTIONS[ownership.model]}
          </Typography>
        </div>
      )}
      {ownership.platformTeam && (
        <div className={classes.section}>
          <Typography variant="overline">Platform SRE team</Typography>
          <div>
            <EntityRefLink entityRef={ownership.platformTeam} />
          </div>
        </div>
      )}
      {ownership.embeddedSres.length > 0 && (
        <div className={classes.section}>
          <Typography variant="overline">Embedded SREs</Typography>
          <div className={classes.list}>
            {ownership.embeddedSres.map(ref => (
              <EntityRefLink key={ref} entityRef={ref} />
            ))}
          </div>
        </div>
      )}
    </>
  );
}
