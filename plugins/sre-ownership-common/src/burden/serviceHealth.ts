import {
  AttributedPage,
  attributePages,
  pageTimezones,
  timezoneLookup,
  Timezones,
  toShiftSpans,
} from './attribution';
import { contains, Interval } from './intervals';
import { isOffHours } from './localTime';
import { meanTimeToAcknowledge, meanTimeToResolve } from './responseTimes';
import {
  ServiceHealthFigures,
  ServiceHealthInput,
  ServiceOnCallHealth,
  WorkingTime,
} from './types';
import { weeklyVolume, weekOverWeekChange } from './weeklyVolume';
import { spanOf, toBurdenWindow, windowsEndingAt } from './windows';

function serviceFigures(
  pages: AttributedPage[],
  window: Interval,
  timezones: Timezones,
  workingTime: WorkingTime,
): ServiceHealthFigures {
  const inWindow = pages.filter(page => contains(window, page.triggeredAt));
  const offHours = inWindow.filter(page =>
    pageTimezones(page, timezones).some(zone =>
      isOffHours(page.triggeredAt, zone, workingTime),
    ),
  ).length;
  return {
    pages: inWindow.length,
    offHoursShare: inWindow.length ? offHours / inWindow.length : null,
    mttaMinutes: meanTimeToAcknowledge(inWindow),
    mttrMinutes: meanTimeToResolve(inWindow),
  };
}

/**
 * Computes a service's on-call health over the window ending at `input.now`
 * and the window before it: page volume with its weekly trend, mean times to
 * acknowledge and resolve per severity, and the share of pages outside the
 * business hours of the engineer paged. That engineer is the responder, else
 * whoever was on call for the paged team (any team in `shifts` when the page
 * names none) at trigger time; a page reaching several engineers is
 * off-hours when it is for any of them, and a page reaching nobody known is
 * judged in `defaultTimezone` (the owning Group's zone, else config); the
 * off-hours share is null without pages. Pages about another entity are ignored. The
 * backend adds who is on call now.
 *
 * @public
 */
export function computeServiceHealth(
  input: ServiceHealthInput,
): Omit<ServiceOnCallHealth, 'onCall'> {
  const windows = windowsEndingAt(input.now, input.windowDays);
  const timezones = timezoneLookup(
    [...input.members, ...(input.others ?? [])],
    input.defaultTimezone,
  );
  const pages = attributePages(
    input.pages.filter(
      page => !page.entityRef || page.entityRef === input.entityRef,
    ),
    toShiftSpans(input.shifts),
  );
  const figuresOver = (window: Interval) =>
    serviceFigures(pages, window, timezones, input.workingTime);
  const volume = weeklyVolume(
    pages.map(page => page.triggeredAt),
    spanOf(windows),
  );
  const change = weekOverWeekChange(volume, spanOf(windows));
  return {
    entityRef: input.entityRef,
    window: toBurdenWindow(
      windows.current,
      input.windowDays,
      input.windowEndsNow ?? true,
    ),
    previousWindow: toBurdenWindow(windows.previous, input.windowDays, false),
    current: figuresOver(windows.current),
    previous: figuresOver(windows.previous),
    weeklyVolume: volume,
    ...(change === undefined ? {} : { weekOverWeekChange: change }),
  };
}
