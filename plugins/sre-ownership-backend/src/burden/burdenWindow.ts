import { InputError } from '@backstage/errors';
import { parseInstant } from '../oncall/fields';

const DAY_MS = 24 * 60 * 60 * 1000;
/** The longest window a caller may ask for. */
export const MAX_WINDOW_DAYS = 366;

/** What a caller asked for: the last `days` days, or an explicit window. */
export interface BurdenWindowRequest {
  days?: number;
  from?: string;
  to?: string;
}

/** A resolved window: `[from, to)`, its length, and whether it ends now. */
export interface BurdenWindowRange {
  from: Date;
  to: Date;
  days: number;
  endsNow: boolean;
}

/**
 * A window bound as a real time: the validator's date-time format, like
 * `Date.parse`, rolls 2026-02-30 over into March and reads T24:00 as the
 * next day, so the strict reader every stored time passes decides.
 */
function instant(field: string, value: string): Date {
  const parsed = parseInstant(value);
  if (parsed === undefined) {
    const spaced = / \d{2}:\d{2}$/.test(value)
      ? '; a + in a query string means a space, so write an offset +02:00 as %2B02:00'
      : '';
    throw new InputError(
      `${field}: "${value}" is not a real ISO 8601 date-time with an offset; write it as 2026-09-01T00:00:00Z${spaced}`,
    );
  }
  return new Date(parsed);
}

/**
 * The window of a burden or health request: `from`/`to` (both, `to` after
 * `from`, at most 366 days apart), or the last `days` days up to `now`
 * (`defaultDays` when nothing is given).
 *
 * @throws InputError naming the field when the request is not one of those
 * (`days` must be a whole number of days from 1 to 366).
 */
export function resolveBurdenWindow(
  request: BurdenWindowRequest,
  defaultDays: number,
  now: Date,
): BurdenWindowRange {
  const { days, from, to } = request;
  // The HTTP contract refuses such a days first; an action's or a caller's
  // Infinity would otherwise become an invalid date.
  if (
    days !== undefined &&
    !(Number.isInteger(days) && days >= 1 && days <= MAX_WINDOW_DAYS)
  ) {
    throw new InputError(
      `days: must be an integer from 1 to ${MAX_WINDOW_DAYS}`,
    );
  }
  if (from === undefined && to === undefined) {
    const length = days ?? defaultDays;
    return {
      from: new Date(now.getTime() - length * DAY_MS),
      to: now,
      days: length,
      endsNow: true,
    };
  }
  if (days !== undefined) {
    throw new InputError(
      'days: cannot be combined with from and to; give one or the other',
    );
  }
  if (from === undefined || to === undefined) {
    throw new InputError(
      `${
        from === undefined ? 'from' : 'to'
      }: is missing; an explicit window needs both from and to`,
    );
  }
  const start = instant('from', from);
  const end = instant('to', to);
  if (!(end > start)) {
    throw new InputError(`to: must be after from (${from}), is ${to}`);
  }
  const length = (end.getTime() - start.getTime()) / DAY_MS;
  if (length > MAX_WINDOW_DAYS) {
    throw new InputError(
      `to: is ${Math.ceil(
        length,
      )} days after from; a window is at most ${MAX_WINDOW_DAYS} days`,
    );
  }
  return { from: start, to: end, days: length, endsNow: false };
}
