// Starts Debian's Chromium (or CHROMIUM_PATH) headless for the browser checks,
// with the flags this machine needs: no sandbox as root, and nothing that
// reaches out to the network on its own (those connections are refused here).
import { chromium } from 'playwright-core';

/** Launches headless Chromium for the end-to-end and adopter checks. */
export function launchChromium() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
