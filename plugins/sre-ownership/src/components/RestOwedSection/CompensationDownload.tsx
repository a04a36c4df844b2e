import Button from '@material-ui/core/Button';
import { makeStyles } from '@material-ui/core/styles';
import { Alert } from '@material-ui/lab';
import { getCompoundEntityRef } from '@backstage/catalog-model';
import { compensationFileName } from '@sre-ownership/plugin-sre-ownership-common';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import { useState } from 'react';
import { BurdenWindowQuery, sreOwnershipApiRef } from '../../api';

const useStyles = makeStyles(theme => ({
  row: { display: 'flex', gap: theme.spacing(1), marginTop: theme.spacing(2) },
}));

/** Hands a file to the browser to save. */
function save(filename: string, content: Blob) {
  const url = URL.createObjectURL(content);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.appendChild(link);
  link.click();
  link.remove();
  URL.revokeObjectURL(url);
}

/**
 * Downloads the team's compensation figures (on-call minutes, pages and
 * response minutes per engineer and band) for the window, as CSV or JSON.
 */
export function CompensationDownload(props: {
  window?: BurdenWindowQuery;
  /** The window the figures cover, to name the file after. */
  period: { from: string; to: string };
}) {
  const classes = useStyles();
  const api = useApi(sreOwnershipApiRef);
  const { entity } = useEntity();
  const [error, setError] = useState<string | undefined>();

  async function download(format: 'csv' | 'json') {
    setError(undefined);
    try {
      const file = await api.exportCompensation(
        getCompoundEntityRef(entity),
        format,
        props.window ?? {},
      );
      // Named here rather than from Content-Disposition, which a browser
      // hides from a frontend served from another origin than the backend.
      save(
        compensationFileName(entity.metadata.name, props.period, format),
        file.content,
      );
    } catch (e) {
      setError((e as Error).message);
    }
  }

  return (
    <>
      <div className={classes.row}>
        <Button variant="outlined" onClick={() => download('csv')}>
          Compensation CSV
        </Button>
        <Button variant="outlined" onClick={() => download('json')}>
          Compensation JSON
        </Button>
      </div>
      {error && (
        <Alert severity="error" role="alert">
          Could not download the compensation figures: {error}
        </Alert>
      )}
    </>
  );
}
