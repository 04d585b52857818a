import { domainToASCII } from "node:url";
import { DateTime, type Zone } from "luxon";

/** Absolute http(s) URL with a host, re-serialised by WHATWG URL; anything else (javascript:, relative, data:) is undefined. */
export function toHttpUrl(value: string): string | undefined {
  const trimmed = value.trim();
  if (!/^https?:\/\//i.test(trimmed)) return undefined;
  try {
    const url = new URL(trimmed);
    if ((url.protocol !== "http:" && url.protocol !== "https:") || url.hostname === "") return undefined;
    // https://bank.example@evil.example/ goes to evil.example while reading as the bank's: refused.
    if (url.username !== "" || url.password !== "") return undefined;
    return url.href;
  } catch {
    return undefined;
  }
}

export type DateResult =
  | { ok: true; instant: DateTime }
  | {
      ok: false;
      /** Short explanation, e.g. luxon's reason for an impossible date. */
      reason: string;
      /** What the field should have held, for the report. */
      expected: string;
      /** How to fix it, for the report. */
      hint: string;
    };

const ISO_EXPECTED = "an ISO 8601 date-time such as 2021-04-19T15:31:00Z";
const MIN_YEAR = 1000;
const MAX_YEAR = 9999;

function invalidDate(reason: string): DateResult {
  return { ok: false, reason, expected: ISO_EXPECTED, hint: `it is not a real date: ${reason}` };
}

// The common shape of article dates: extended ISO 8601 with seconds and an explicit offset.
const ISO_WITH_OFFSET = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:\d{2})$/;
// ISO 8601 puts the year first: four digits, or six with a sign (expanded years).
const LEADING_YEAR = /^(?:[+-]\d{6}|\d{4})/;

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Epoch milliseconds of a UTC wall-clock time; unlike Date.UTC, years 0–99 are not read as 1900–1999. */
function utcMillis(year: number, month: number, day: number, hour: number, minute: number, second: number, millis: number): number {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, second, millis);
  return date.getTime();
}

/**
 * Years outside 1000–9999 are typos or truncations (`0021` for 2021, `+275760`), and outside that
 * range the date's text form is no longer plain `YYYY`, which feeds and sitemaps expect.
 */
function checkYear(year: number, written: string, value: string): DateResult | undefined {
  if (year >= MIN_YEAR && year <= MAX_YEAR) return undefined;
  return { ok: false, reason: `the year ${written} is out of range`, expected: `a year between ${MIN_YEAR} and ${MAX_YEAR}`, hint: `check the year (written ${JSON.stringify(written)} in ${JSON.stringify(value)})` };
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
  const badYear = checkYear(year, m[1] as string, value);
  if (badYear) return badYear;
  const millis = Number(((m[7] ?? "") + "000").slice(0, 3));
  if (month < 1 || month > 12) return invalidDate(`you specified ${month} (of type number) as a month, which is invalid`);
  if (day < 1 || day > daysInMonth(year, month)) return invalidDate(`you specified ${day} (of type number) as a day, which is invalid`);
  if (hour > 23) return invalidDate(`you specified ${hour} (of type number) as a hour, which is invalid`);
  if (minute > 59) return invalidDate(`you specified ${minute} (of type number) as a minute, which is invalid`);
  if (second > 59) return invalidDate(`you specified ${second} (of type number) as a second, which is invalid`);
  const zone = m[8] as string;
  let offsetMinutes = 0;
  if (zone !== "Z") {
    const sign = zone.startsWith("-") ? -1 : 1;
    const [oh, om] = zone.slice(1).split(":").map(Number) as [number, number];
    if (oh > 23 || om > 59) return invalidDate(`the offset ${zone} is invalid`);
    offsetMinutes = sign * (oh * 60 + om);
  }
  const epoch = utcMillis(year, month, day, hour, minute, second, millis) - offsetMinutes * 60_000;
  return { ok: true, instant: DateTime.fromMillis(epoch, { zone: "utc" }) };
}

function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? "-" : "+";
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, "0")}:${String(abs % 60).padStart(2, "0")}`;
}

const DAY_MS = 86_400_000;

/**
 * The instants at which a zone's clocks show a wall-clock time (given as if it were UTC): none in
 * a DST gap, two in an overlap. Luxon silently shifts gap times forward and resolves overlaps
 * differently per zone, so both cases are decided here instead. Offsets a day either side cover
 * every real transition but Samoa's skipped day, which still comes out as a gap.
 */
function instantsForWallTime(zone: Zone, wallMs: number): number[] {
  const offsets = new Set([zone.offset(wallMs - DAY_MS), zone.offset(wallMs), zone.offset(wallMs + DAY_MS)]);
  const instants = new Set<number>();
  for (const offset of offsets) {
    const instant = wallMs - offset * 60_000;
    if (zone.offset(instant) === offset) instants.add(instant);
  }
  return [...instants].sort((a, b) => a - b);
}

/**
 * ISO 8601 via luxon. With an offset (`Z`, `+02:00`) the instant is exact; without one the
 * wall-clock time is read in the site's time zone. Impossible dates (Feb 30, hour 25), years
 * outside 1000–9999 and local times that a DST change skips are errors; a local time that
 * occurs twice (clocks going back) is read as its first occurrence.
 */
export function parseArticleDate(value: string, timeZone: string): DateResult {
  const trimmed = value.trim();
  // RFC 9557's bracketed zone (`…+01:00[Europe/Paris]`) is refused, not half-read: luxon applied
  // the offset twice, so a date came out hours early and a held article was published.
  if (trimmed.includes("[")) {
    const plain = trimmed.slice(0, trimmed.indexOf("["));
    return { ok: false, reason: "a bracketed time zone", expected: `${ISO_EXPECTED}, without a bracketed zone`, hint: `write the offset alone, e.g. ${JSON.stringify(plain.slice(0, 40))}` };
  }
  const result = parseInstant(trimmed, timeZone);
  if (!result.ok) return result;
  // The range holds for the instant too: 9999-12-31T23:00:00-02:00 is in year 10000 in UTC, and feeds, sitemaps and URLs use UTC.
  const utcYear = result.instant.toUTC().year;
  if (utcYear < MIN_YEAR || utcYear > MAX_YEAR) {
    return { ok: false, reason: `the year ${utcYear} (in UTC) is out of range`, expected: `a date between ${MIN_YEAR} and ${MAX_YEAR} in UTC`, hint: `the offset moves ${JSON.stringify(trimmed)} into the year ${utcYear}` };
  }
  return result;
}

function parseInstant(trimmed: string, timeZone: string): DateResult {
  const fast = parseOffsetIso(trimmed);
  if (fast) return fast;
  const parsed = DateTime.fromISO(trimmed, { zone: timeZone, setZone: true });
  if (!parsed.isValid) return invalidDate(parsed.invalidExplanation ?? parsed.invalidReason ?? "not a date");
  // Luxon also reads a bare time ("10:00") as today, which would date an article by build day.
  const written = LEADING_YEAR.exec(trimmed)?.[0];
  if (written === undefined) return { ok: false, reason: "it has no date", expected: ISO_EXPECTED, hint: "start with the date, e.g. 2021-04-19T10:00:00Z" };
  if (parsed.zone.isUniversal) {
    // An explicit offset (or a fixed site zone such as UTC): no DST to resolve.
    return checkYear(parsed.year, written, trimmed) ?? { ok: true, instant: parsed.toUTC() };
  }
  // No offset in the text: the fields as written, read as UTC, are the wall-clock time.
  const wall = DateTime.fromISO(trimmed, { zone: "utc" });
  const badYear = checkYear(wall.year, written, trimmed);
  if (badYear) return badYear;
  const instants = instantsForWallTime(parsed.zone, wall.toMillis());
  const first = instants[0];
  if (first === undefined) {
    const before = formatOffset(parsed.zone.offset(wall.toMillis() - DAY_MS));
    return {
      ok: false,
      reason: `${trimmed} does not exist in ${timeZone}`,
      expected: `a wall-clock time that exists in ${timeZone}`,
      hint: `the clocks in ${timeZone} jump over this time (as when daylight saving time starts); add an explicit offset, e.g. ${wall.toFormat("yyyy-MM-dd'T'HH:mm:ss")}${before}`,
    };
  }
  return { ok: true, instant: DateTime.fromMillis(first, { zone: "utc" }) };
}

const DOMAIN_LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/**
 * Provider domains are keys and path segments: lower case, no scheme, path or `www.`, an IDN as
 * punycode (`bücher.example` is `xn--bcher-kva.example`). A host name of at least two labels of
 * 1–63 letters, digits and inner hyphens, 253 characters at most, and not an IP address: an
 * outlet is named by its domain, and an address says nothing a reader can recognise.
 */
export function normaliseDomain(value: string): string | undefined {
  let host = value.trim().toLowerCase();
  if (/^https?:\/\//.test(host)) {
    try {
      const url = new URL(host);
      if (url.username !== "" || url.password !== "") return undefined;
      host = url.hostname;
    } catch {
      return undefined;
    }
  }
  if (host.endsWith(".")) host = host.slice(0, -1);
  if (host.startsWith("www.")) host = host.slice(4);
  const ascii = domainToASCII(host);
  if (ascii === "" || ascii.length > 253) return undefined;
  const labels = ascii.split(".");
  if (labels.length < 2 || !labels.every((label) => DOMAIN_LABEL.test(label))) return undefined;
  // An IPv4 address (its last label all digits); IPv6 never gets here (no brackets or colons pass the labels).
  if (/^\d+$/.test(labels[labels.length - 1] as string)) return undefined;
  return ascii;
}
