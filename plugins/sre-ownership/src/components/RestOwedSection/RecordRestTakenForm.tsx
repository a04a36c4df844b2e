import Button from '@material-ui/core/Button';
import TextField from '@material-ui/core/TextField';
import { makeStyles } from '@material-ui/core/styles';
import { Alert } from '@material-ui/lab';
import { useApi } from '@backstage/core-plugin-api';
import {
  useEntity,
  useEntityPresentation,
} from '@backstage/plugin-catalog-react';
import { getCompoundEntityRef } from '@backstage/catalog-model';
import { FormEvent, useState } from 'react';
import { sreOwnershipApiRef } from '../../api';

const useStyles = makeStyles(theme => ({
  form: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: theme.spacing(2),
    alignItems: 'flex-end',
    marginTop: theme.spacing(2),
  },
}));

/** An engineer to choose, by name rather than by entity ref. */
function EngineerOption(props: { entityRef: string }) {
  const { primaryTitle } = useEntityPresentation(props.entityRef, {
    defaultKind: 'user',
  });
  return <option value={props.entityRef}>{primaryTitle}</option>;
}

/** Today in the viewer's own calendar, `YYYY-MM-DD`. */
const today = () => new Date().toLocaleDateString('en-CA');

/**
 * Records rest an engineer took on one day. Offers only the engineers the
 * backend says the viewer may record for (themselves, or the whole team for
 * a manager); the backend checks again and its message is shown if it
 * refuses.
 */
export function RecordRestTakenForm(props: {
  engineers: string[];
  onRecorded: () => void;
}) {
  const classes = useStyles();
  const api = useApi(sreOwnershipApiRef);
  const { entity } = useEntity();
  const [userRef, setUserRef] = useState(props.engineers[0]);
  const [date, setDate] = useState(today());
  const [hours, setHours] = useState('4');
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | undefined>();

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaving(true);
    setError(undefined);
    try {
      await api.recordRestTaken(getCompoundEntityRef(entity), {
        userRef,
        date,
        minutes: Math.round(Number(hours) * 60),
      });
      props.onRecorded();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setSaving(false);
    }
  }

  return (
    <form
      className={classes.form}
      onSubmit={submit}
      aria-label="Record rest taken"
    >
      <TextField
        select
        id="sre-ownership-rest-taken-engineer"
        label="Engineer"
        value={userRef}
        onChange={e => setUserRef(e.target.value)}
        SelectProps={{ native: true }}
      >
        {props.engineers.map(ref => (
          <EngineerOption key={ref} entityRef={ref} />
        ))}
      </TextField>
      <TextField
        id="sre-ownership-rest-taken-day"
        label="Day"
        type="date"
        value={date}
        onChange={e => setDate(e.target.value)}
        InputLabelProps={{ shrink: true }}
      />
      <TextField
        id="sre-ownership-rest-taken-hours"
        label="Hours"
        type="number"
        value={hours}
        onChange={e => setHours(e.target.value)}
        inputProps={{ min: 0.25, max: 24, step: 0.25 }}
      />
      <Button type="submit" variant="outlined" disabled={saving}>
        Record rest taken
      </Button>
      {error && (
        <Alert severity="error" role="alert">
          {error}
        </Alert>
      )}
    </form>
  );
}
