import { SloWindow } from '@sre-ownership/plugin-sre-ownership-common';

/** A share such as an attainment or a target, with as many decimals as it needs: 99.9%, 99.95%. */
export function formatPercent(share: number, decimals = 2): string {
  return `${Number((share * 100).toFixed(decimals))}%`;
}

/** "28d rolling", "1M calendar (Europe/Berlin)". */
export function describeSloWindow(window: SloWindow): string {
  return window.kind === 'rolling'
    ? `${window.duration} rolling`
    : `${window.duration} calendar (${window.timeZone})`;
}
