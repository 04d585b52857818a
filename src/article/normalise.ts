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

// The common shape of article dates: extended ISO 8601 with seconds and an explicit offset.
const ISO_WITH_OFFSET = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:\d{2})$/;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * Fast path for {@link ISO_WITH_OFFSET}: the same range checks luxon applies (no rollover), at a
 * fraction of the cost, since every article and related item has a date. Undefined means "not
 * this shape, ask luxon".
 */
function parseOffsetIso(value: string): DateResult | undefined {
  const m = ISO_WITH_OFFSET.exec(value);
  if (!m) return undefined;
  const [year, month, day, hour, minute, second] = [m[1], m[2], m[3], m[4], m[5], m[6] ?? "0"].map(Number) as [number, number, number, number, number, number];
  const millis = Number(((m[7] ?? "") + "000").slice(0, 3));
  if (month < 1 || month > 12) return { ok: false, reason: `you specified ${month} (of type number) as a month, which is invalid` };
  if (day < 1 || day > daysInMonth(year, month)) return { ok: false, reason: `you specified ${day} (of type number) as a day, which is invalid` };
  if (hour > 23) return { ok: false, reason: `you specified ${hour} (of type number) as a hour, which is invalid` };
  if (minute > 59) return { ok: false, reason: `you specified ${minute} (of type number) as a minute, which is invalid` };
  if (second > 59) return { ok: false, reason: `you specified ${second} (of type number) as a second, which is invalid` };
  const zone = m[8] as string;
  let offsetMinutes = 0;
  if (zone !== "Z") {
    const sign = zone.startsWith("-") ? -1 : 1;
    const [oh, om] = zone.slice(1).split(":").map(Number) as [number, number];
    if (oh > 23 || om > 59) return { ok: false, reason: `the offset ${zone} is invalid` };
    offsetMinutes = sign * (oh * 60 + om);
  }
  const epoch = Date.UTC(year, month - 1, day, hour, minute, second, millis) - offsetMinutes * 60_000;
  return { ok: true, instant: DateTime.fromMillis(epoch, { zone: "utc" }) };
}

/**
 * ISO 8601 via luxon. With an offset (`Z`, `+02:00`) the instant is exact; without one the
 * wall-clock time is read in the site's time zone. Impossible dates (Feb 30, hour 25) are
 * invalid in luxon rather than rolled over, which is what we want.
 */
export function parseArticleDate(value: string, timeZone: string): DateResult {
  const fast = parseOffsetIso(value.trim());
  if (fast) return fast;
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
