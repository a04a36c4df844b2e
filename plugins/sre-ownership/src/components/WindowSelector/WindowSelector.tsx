import { DEFAULT_BURDEN_WINDOW_DAYS } from '@sre-ownership/plugin-sre-ownership-common';
import TextField from '@material-ui/core/TextField';
import { useMemo } from 'react';
import {
  pastMonths,
  pastQuarters,
  rollingChoices,
  WindowChoice,
} from './windowChoices';

/** The window the cards assume until the backend says its configured one. */
export const DEFAULT_WINDOW_DAYS = DEFAULT_BURDEN_WINDOW_DAYS;

/**
 * Picks the window the figures cover: the last 7 to 90 days, or a past
 * calendar month or quarter (UTC), for audits of a closed period. A native
 * select, so that it works with the keyboard and screen readers without
 * extra wiring.
 */
export function WindowSelector(props: {
  /** The key of the chosen window (`days:28`, `month:2026-09`, ...). */
  value: string;
  /** The backend's configured window, offered with the usual ones. */
  configuredDays: number;
  onChange: (choice: WindowChoice) => void;
}) {
  const { value, configuredDays, onChange } = props;
  const groups = useMemo(() => {
    const now = new Date();
    return [
      { label: 'Rolling', choices: rollingChoices(configuredDays) },
      { label: 'Calendar month', choices: pastMonths(now) },
      { label: 'Calendar quarter', choices: pastQuarters(now) },
    ];
  }, [configuredDays]);
  const byKey = new Map(
    groups.flatMap(group => group.choices).map(choice => [choice.key, choice]),
  );
  return (
    <TextField
      select
      size="small"
      variant="outlined"
      label="Window"
      value={value}
      onChange={event => {
        const choice = byKey.get(event.target.value);
        if (choice) onChange(choice);
      }}
      SelectProps={{ native: true }}
      // Named directly: an id to tie the label to would need React 18's useId.
      inputProps={{ 'aria-label': 'Window' }}
    >
      {groups.map(group => (
        <optgroup key={group.label} label={group.label}>
          {group.choices.map(choice => (
            <option key={choice.key} value={choice.key}>
              {choice.label}
            </option>
          ))}
        </optgroup>
      ))}
    </TextField>
  );
}
