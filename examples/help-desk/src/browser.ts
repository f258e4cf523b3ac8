/**
 * Headless Chromium for the e2e test and the screenshots: Debian's `chromium` package driven by
 * playwright-core (no browser download). `CHROMIUM_PATH` points elsewhere; `chromiumPath()` is
 * undefined when there is none, so the test can say so and skip.
 */
import { existsSync } from "node:fs";
import { type Browser, chromium } from "playwright-core";

export const chromiumPath = (): string | undefined => {
  const candidates = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"];
  return candidates.find((p): p is string => p !== undefined && p !== "" && existsSync(p));
};

export const launchChromium = (executablePath: string): Promise<Browser> =>
  chromium.launch({
    executablePath,
    headless: true,
    args: ["--no-sandbox", "--disable-background-networking", "--disable-dev-shm-usage"],
    timeout: 60_000,
  });
