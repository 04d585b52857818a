import { DateTime } from "luxon";

/** Absolute http(s) URL with a host, re-serialised by WHATWG URL; anything else (javascript:, relative, data:) is undefined. */
export function toHttpUrl(value: string): string | undefined {
  const trimmed = value.trim();
  if (!/^https?:\/\//i.test(trimmed)) return undefined;
  try {
    const url = new URL(trimmed);
    if ((url.protocol !== "http:" && url.protocol !== "https:") || url.hostname === "") return undefined;
    return url.href;
  } catch {
    return undefined;
  }
}

export type DateResult = { ok: true; instant: DateTime } | { ok: false; reason: string };

/**
 * ISO 8601 via luxon. With an offset (`Z`, `+02:00`) the instant is exact; without one the
 * wall-clock time is read in the site's time zone. Impossible dates (Feb 30, hour 25) are
 * invalid in luxon rather than rolled over, which is what we want.
 */
export function parseArticleDate(value: string, timeZone: string): DateResult {
  const parsed = DateTime.fromISO(value.trim(), { zone: timeZone, setZone: true });
  if (!parsed.isValid) {
    return { ok: false, reason: parsed.invalidExplanation ?? parsed.invalidReason ?? "not a date" };
  }
  return { ok: true, instant: parsed.toUTC() };
}

/** Provider domains are keys: lower case, no scheme, path or `www.`. */
export function normaliseDomain(value: string): string | undefined {
  let host = value.trim().toLowerCase();
  if (/^https?:\/\//.test(host)) {
    try {
      host = new URL(host).hostname;
    } catch {
      return undefined;
    }
  }
  host = host.replace(/\.$/, "").replace(/^www\./, "");
  return /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*$/.test(host) ? host : undefined;
}
