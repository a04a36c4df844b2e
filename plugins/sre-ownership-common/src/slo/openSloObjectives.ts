import { isKnownTimezone } from '../burden/localTime';
import { parseWallClock } from './calendar';
import {
  DocumentContext,
  Json,
  isObject,
  shareOfPercent,
  state,
} from './declarationFields';
import { parseOpenSloDuration } from './durations';
import { SloBudgeting, SloWindow, ThresholdOperator } from './types';

const OPERATORS: readonly ThresholdOperator[] = ['lt', 'lte', 'gt', 'gte'];

/** Reads `spec.timeWindow`: exactly one rolling or calendar window. */
export function readWindow(
  spec: Json,
  context: DocumentContext,
): SloWindow | undefined {
  const windows = spec.timeWindow;
  if (windows === undefined) {
    context.report(
      'spec.timeWindow',
      'is missing; give exactly one window, e.g. [{ duration: 28d, isRolling: true }]',
    );
    return undefined;
  }
  if (
    !Array.isArray(windows) ||
    windows.length !== 1 ||
    !isObject(windows[0])
  ) {
    context.report(
      'spec.timeWindow',
      'needs exactly one window, e.g. [{ duration: 28d, isRolling: true }]',
    );
    return undefined;
  }
  const window = windows[0];
  const duration =
    typeof window.duration === 'string'
      ? parseOpenSloDuration(window.duration)
      : undefined;
  if (!duration) {
    context.report(
      'spec.timeWindow[0].duration',
      `${state(
        window,
        'duration',
      )}; write a whole number and a unit m, h, d, w, M, Q or Y, e.g. 28d`,
    );
    return undefined;
  }
  const text = window.duration as string;
  if (window.isRolling === true) {
    if (duration.seconds === undefined) {
      context.report(
        'spec.timeWindow[0].duration',
        `a rolling window of ${text} has no fixed length; use minutes, hours, days or weeks (e.g. 30d), or a calendar window`,
      );
      return undefined;
    }
    if (duration.seconds < 3600) {
      context.report(
        'spec.timeWindow[0].duration',
        `${text} is shorter than an hour; an SLO window is usually days or weeks, e.g. 28d`,
      );
      return undefined;
    }
    return { kind: 'rolling', seconds: duration.seconds, duration: text };
  }
  const calendar = window.calendar;
  if (window.isRolling !== false && window.isRolling !== undefined) {
    context.report('spec.timeWindow[0].isRolling', 'must be true or false');
    return undefined;
  }
  if (!isObject(calendar)) {
    context.report(
      'spec.timeWindow[0].calendar',
      'is missing; a window with isRolling: false needs calendar: { startTime: "2024-01-01 00:00:00", timeZone: UTC }',
    );
    return undefined;
  }
  const startTime =
    typeof calendar.startTime === 'string' ? calendar.startTime : undefined;
  if (!startTime || !parseWallClock(startTime)) {
    context.report(
      'spec.timeWindow[0].calendar.startTime',
      `${state(
        calendar,
        'startTime',
      )}; write a wall-clock time such as "2024-01-01 00:00:00"`,
    );
    return undefined;
  }
  const timeZone = calendar.timeZone;
  if (typeof timeZone !== 'string' || !isKnownTimezone(timeZone)) {
    context.report(
      'spec.timeWindow[0].calendar.timeZone',
      `${state(
        calendar,
        'timeZone',
      )}; write an IANA time zone such as UTC or Europe/Berlin`,
    );
    return undefined;
  }
  return {
    kind: 'calendar',
    unit: duration.unit,
    count: duration.count,
    duration: text,
    startTime: startTime.replace(' ', 'T'),
    timeZone,
  };
}

/** Reads `spec.budgetingMethod`. */
export function readBudgetingMethod(
  spec: Json,
  context: DocumentContext,
): SloBudgeting['method'] | undefined {
  const method = spec.budgetingMethod;
  if (
    method === 'Occurrences' ||
    method === 'Timeslices' ||
    method === 'RatioTimeslices'
  ) {
    return method;
  }
  context.report(
    'spec.budgetingMethod',
    `${state(
      spec,
      'budgetingMethod',
    )}; write Occurrences (good events over all events), Timeslices (good slices over all slices) or RatioTimeslices (the mean of the slices' ratios)`,
  );
  return undefined;
}

/** One objective, read: its target, budgeting and threshold. */
export interface ReadObjective {
  target: number;
  objectiveName?: string;
  budgeting: SloBudgeting;
  threshold?: { op: ThresholdOperator; value: number };
}

/**
 * Reads `spec.objectives[index]` for an SLO budgeted by `method` whose
 * indicator is a threshold metric when `threshold` is set. Undefined after
 * reporting its problems.
 */
export function readObjective(
  objective: unknown,
  path: string,
  options: {
    method: SloBudgeting['method'];
    threshold: boolean;
    windowSeconds?: number;
  },
  context: DocumentContext,
): ReadObjective | undefined {
  if (!isObject(objective)) {
    context.report(path, 'must be a mapping such as { target: 0.999 }');
    return undefined;
  }
  if (
    objective.indicator !== undefined ||
    objective.indicatorRef !== undefined
  ) {
    context.report(
      `${path}.${
        objective.indicator !== undefined ? 'indicator' : 'indicatorRef'
      }`,
      "composite SLOs are not read: an objective's own indicator is not measured; declare one SLO per indicator, each with its spec.indicator",
    );
    return undefined;
  }
  const target = readTarget(objective, path, context);
  const budgeting = readSlices(objective, path, options, context);
  const threshold = options.threshold
    ? readThreshold(objective, path, context)
    : undefined;
  if (target === undefined || !budgeting || (options.threshold && !threshold)) {
    return undefined;
  }
  return {
    target,
    ...(typeof objective.displayName === 'string'
      ? { objectiveName: objective.displayName }
      : {}),
    budgeting,
    ...(threshold ? { threshold } : {}),
  };
}

function readTarget(
  objective: Json,
  path: string,
  context: DocumentContext,
): number | undefined {
  if (objective.target !== undefined) {
    const target = objective.target;
    if (typeof target !== 'number' || !(target > 0 && target < 1)) {
      context.report(
        `${path}.target`,
        `is ${JSON.stringify(
          target,
        )}; write a share between 0 and 1, e.g. 0.999, or targetPercent: 99.9`,
      );
      return undefined;
    }
    return target;
  }
  const percent = objective.targetPercent;
  if (typeof percent !== 'number' || !(percent > 0 && percent < 100)) {
    context.report(
      `${path}.${percent === undefined ? 'target' : 'targetPercent'}`,
      percent === undefined
        ? 'is missing; write target: 0.999 (or targetPercent: 99.9)'
        : `is ${JSON.stringify(
            percent,
          )}; write a percentage between 0 and 100, e.g. 99.9`,
    );
    return undefined;
  }
  return shareOfPercent(percent);
}

function readSlices(
  objective: Json,
  path: string,
  options: { method: SloBudgeting['method']; windowSeconds?: number },
  context: DocumentContext,
): SloBudgeting | undefined {
  if (options.method === 'Occurrences') return { method: 'Occurrences' };
  const text = objective.timeSliceWindow;
  const slice =
    typeof text === 'string' ? parseOpenSloDuration(text) : undefined;
  if (!slice || slice.seconds === undefined) {
    context.report(
      `${path}.timeSliceWindow`,
      `${state(objective, 'timeSliceWindow')}; ${
        options.method
      } budgeting needs the length of a slice in minutes, hours or days, e.g. timeSliceWindow: 1m`,
    );
    return undefined;
  }
  if (
    options.windowSeconds !== undefined &&
    slice.seconds > options.windowSeconds
  ) {
    context.report(
      `${path}.timeSliceWindow`,
      `${text} is longer than the SLO window; a slice must fit in it, e.g. 1m or 5m`,
    );
    return undefined;
  }
  const sliceDuration = text as string;
  if (options.method === 'RatioTimeslices') {
    return {
      method: 'RatioTimeslices',
      sliceSeconds: slice.seconds,
      sliceDuration,
    };
  }
  const sliceTarget = objective.timeSliceTarget;
  if (
    typeof sliceTarget !== 'number' ||
    !(sliceTarget > 0 && sliceTarget <= 1)
  ) {
    context.report(
      `${path}.timeSliceTarget`,
      `${state(
        objective,
        'timeSliceTarget',
      )}; Timeslices budgeting needs the share a slice must reach to be good, between 0 and 1, e.g. timeSliceTarget: 0.95`,
    );
    return undefined;
  }
  return {
    method: 'Timeslices',
    sliceSeconds: slice.seconds,
    sliceDuration,
    sliceTarget,
  };
}

function readThreshold(
  objective: Json,
  path: string,
  context: DocumentContext,
): { op: ThresholdOperator; value: number } | undefined {
  const op = objective.op;
  const known = OPERATORS.includes(op as ThresholdOperator);
  if (!known) {
    context.report(
      `${path}.op`,
      `${state(
        objective,
        'op',
      )}; a threshold metric needs op: lt, lte, gt or gte (a reading is good when it is <op> value)`,
    );
  }
  const value = objective.value;
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    context.report(
      `${path}.value`,
      `${state(
        objective,
        'value',
      )}; a threshold metric needs the value a reading is compared with, e.g. value: 0.3`,
    );
    return undefined;
  }
  return known ? { op: op as ThresholdOperator, value } : undefined;
}
