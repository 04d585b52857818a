import { statSync } from "node:fs";
import { chromium, type Browser, type Page } from "playwright-core";
import { serveStatic, type StaticServer } from "./static-server.js";

const DEBIAN_CHROMIUM = "/usr/bin/chromium";

/**
 * The Chromium the browser tests drive: `CHROMIUM_PATH`, else Debian's, else the one the
 * `@sparticuz/chromium` devDependency ships inside its package (unpacked to the temp folder on
 * first use), so `npm install && npm test` needs no system package on a fresh Linux machine.
 */
export async function chromiumPath(): Promise<string> {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  try {
    if (statSync(DEBIAN_CHROMIUM).isFile()) return DEBIAN_CHROMIUM;
  } catch {
    // Not installed: use the packaged one.
  }
  const { default: packaged } = await import("@sparticuz/chromium");
  return packaged.executablePath();
}

/** Chromium, headless, with no background traffic (this machine has no network). Not the package's own `chromium.args`: with them (single-process, SwiftShader) it crashed here. */
export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: await chromiumPath(),
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync", "--disable-quic"],
  });
}

/** Collects console errors and uncaught page errors, ignoring failed image loads (the sample images live on example.net, unreachable here). */
export function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error" && !/images\.example\.net|ERR_NAME_NOT_RESOLVED|ERR_INTERNET_DISCONNECTED|ERR_CONNECTION/.test(`${message.text()} ${message.location().url}`)) errors.push(message.text());
  });
  page.on("pageerror", (error) => errors.push(`pageerror: ${error.message}`));
  return errors;
}

/** A built site served under `prefix` and one Chromium page on it, with its console errors collected. */
export async function browseSite(outputDir: string, prefix: string): Promise<{ server: StaticServer; browser: Browser; page: Page; errors: string[] }> {
  const server = await serveStatic(outputDir, prefix);
  const browser = await launchChromium();
  const page = await browser.newPage();
  return { server, browser, page, errors: collectErrors(page) };
}
