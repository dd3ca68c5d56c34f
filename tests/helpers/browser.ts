/** Starts Debian's Chromium through playwright-core, or fails with how to install it. */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM_FLAGS, CHROMIUM_PATH as CHROMIUM } from '../../scripts/lib/chromium';
import { START_MS } from './limits';

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `No browser at ${CHROMIUM}: the browser tests need Chromium. Install it with ` +
        '`sudo apt-get install -y chromium` (Debian/Ubuntu; `.ci/run` does this), or point CHROMIUM_PATH at a ' +
        'Chromium or Chrome binary.',
    );
  }
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS, timeout: START_MS });
}

/** The widths every page must fit without scrolling sideways: small phones to a desktop. */
export const WIDTHS = [320, 360, 390, 768, 1280] as const;
