import Grid from '@material-ui/core/Grid';
import TextField from '@material-ui/core/TextField';
import { CoverageFilter } from '@sre-ownership/plugin-sre-ownership-common';

const FIELDS: Array<{
  key: keyof CoverageFilter;
  label: string;
  hint: string;
}> = [
  { key: 'kind', label: 'Kind', hint: 'component' },
  { key: 'owner', label: 'Owner', hint: 'payments' },
  { key: 'system', label: 'System', hint: 'search' },
  { key: 'domain', label: 'Domain', hint: 'commerce' },
  { key: 'lifecycle', label: 'Lifecycle', hint: 'production' },
  { key: 'model', label: 'Model', hint: 'hybrid, or none' },
  { key: 'tier', label: 'Tier', hint: 'tier-1' },
];

/** The filters of the tiles and lists; several values separated by commas. */
export function CoverageFilters(props: {
  filter: CoverageFilter;
  onChange: (filter: CoverageFilter) => void;
}) {
  const { filter, onChange } = props;
  return (
    <Grid container spacing={1}>
      {FIELDS.map(field => (
        <Grid item xs={6} sm={3} md key={field.key}>
          <TextField
            label={field.label}
            placeholder={field.hint}
            size="small"
            variant="outlined"
            fullWidth
            defaultValue={(filter[field.key] ?? []).join(', ')}
            inputProps={{ 'aria-label': `Filter by ${field.label}` }}
            onBlur={event => {
              const values = event.target.value
                .split(',')
                .map(value => value.trim())
                .filter(Boolean);
              onChange({
                ...filter,
                [field.key]: values.length ? values : undefined,
              });
            }}
            onKeyDown={event => {
              if (event.key === 'Enter') (event.target as HTMLElement).blur();
            }}
          />
        </Grid>
      ))}
    </Grid>
  );
}
