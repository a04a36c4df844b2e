import TextField from '@material-ui/core/TextField';

/** The windows a card can be looked at over, in days. */
export const BURDEN_WINDOWS = [7, 14, 28, 90] as const;

/** The window the cards open with, as in the product's definition. */
export const DEFAULT_WINDOW_DAYS = 28;

/** The offered windows, with a configured default that is not among them. */
function windowsWith(days: number): number[] {
  const windows: number[] = [...BURDEN_WINDOWS];
  return windows.includes(days)
    ? windows
    : [...windows, days].sort((a, b) => a - b);
}

/**
 * Picks the number of days the figures cover. A native select, so that it
 * works with the keyboard and screen readers without extra wiring.
 */
export function WindowSelector(props: {
  days: number;
  onChange: (days: number) => void;
}) {
  return (
    <TextField
      select
      size="small"
      variant="outlined"
      label="Window"
      value={props.days}
      onChange={event => props.onChange(Number(event.target.value))}
      SelectProps={{ native: true }}
      // Named directly: an id to tie the label to would need React 18's useId.
      inputProps={{ 'aria-label': 'Window' }}
    >
      {windowsWith(props.days).map(days => (
        <option key={days} value={days}>
          Last {days} days
        </option>
      ))}
    </TextField>
  );
}
