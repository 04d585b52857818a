import { describe, expect, it } from "vitest";
import { html } from "../../../src/escape.js";
import { createKit, type LayoutKit } from "../../../src/site/kit.js";

const kitIn = (timeZone: string): LayoutKit =>
  createKit({ title: "T", description: "", language: "en", timeZone, siteUrl: "", pathPrefix: "/", search: false }, { base: (data) => html`${data.title}` });

/** ICU puts a (narrow) no-break space before "PM", or a plain one in older versions; the kit makes it U+00A0. */
const plain = (text: string): string => {
  expect(text).not.toMatch(/[\u202f\u2009]/);
  return text.replace(/\u00a0/g, " ");
};

describe("kit.formatDate and kit.formatDay", () => {
  it("show a normalised publishedAt in the site's zone, the time labelled with it", () => {
    const kit = kitIn("Europe/Berlin");
    expect(plain(kit.formatDate("2021-04-19T15:31:00.000Z"))).toBe("Apr 19, 2021, 5:31 PM GMT+2");
    expect(plain(kit.formatDay("2021-04-19T23:30:00.000Z"))).toBe("Apr 20, 2021");
  });

  it("accept a source publishedDateTime, with an offset or without one (read in the site's zone)", () => {
    const kit = kitIn("Europe/Berlin");
    // All three are the same instant as 2021-04-19T15:31:00.000Z.
    expect(plain(kit.formatDate("2021-04-19T15:31:00Z"))).toBe("Apr 19, 2021, 5:31 PM GMT+2");
    expect(plain(kit.formatDate("2021-04-19T11:31:00-04:00"))).toBe("Apr 19, 2021, 5:31 PM GMT+2");
    expect(plain(kit.formatDate("2021-04-19T17:31"))).toBe("Apr 19, 2021, 5:31 PM GMT+2");
    expect(plain(kit.formatDay("2021-04-19T23:30:00-02:00"))).toBe("Apr 20, 2021");
    expect(plain(kitIn("UTC").formatDate("2021-04-19T15:31:00+02:00"))).toBe("Apr 19, 2021, 1:31 PM UTC");
  });

  it("return a value that is not a date unchanged (a missing one as ''), never 'Invalid DateTime'", () => {
    const kit = kitIn("UTC");
    for (const value of ["yesterday", "2021-02-30T10:00:00Z", "", "10:00", "2021-04-19T10:00:00+01:00[Europe/Paris]"]) {
      expect(kit.formatDate(value), value).toBe(value);
      expect(kit.formatDay(value), value).toBe(value);
    }
    expect(kit.formatDate(undefined as unknown as string)).toBe("");
    expect(kit.formatDay(null as unknown as string)).toBe("");
  });

  it("give the same text for the same value on later calls (memoised)", () => {
    const kit = kitIn("UTC");
    expect(kit.formatDate("2021-04-19T15:31:00Z")).toBe(kit.formatDate("2021-04-19T15:31:00.000Z"));
    expect(kit.formatDate("not a date")).toBe(kit.formatDate("not a date"));
  });
});

describe("kit.formatDate without luxon on the hot path", () => {
  it("shows every normalised instant exactly as luxon's toLocaleString does, across zones, languages and DST changes", async () => {
    const { DateTime } = await import("luxon");
    const instants: string[] = [];
    // Every 31 hours 7 minutes across two years: every hour of the day, both DST changes of each year.
    for (let ms = Date.parse("2025-01-01T00:00:00Z"); ms < Date.parse("2027-01-01T00:00:00Z"); ms += (31 * 60 + 7) * 60_000) instants.push(new Date(ms).toISOString());
    for (const language of ["en", "de", "pt-BR", "ja", "ar-EG"]) {
      for (const timeZone of ["Europe/Berlin", "America/New_York", "Asia/Kolkata", "Australia/Lord_Howe", "UTC", "utc", "GMT", "Etc/UTC"]) {
        const kit = createKit({ title: "T", description: "", language, timeZone, siteUrl: "", pathPrefix: "/", search: false }, { base: (data) => html`${data.title}` });
        for (const iso of instants) {
          // UTC and GMT are shown as the IANA zone Etc/UTC (see displayZone in kit.ts).
          const luxon = DateTime.fromISO(iso, { zone: /^(utc|gmt)$/i.test(timeZone) ? "Etc/UTC" : timeZone, locale: language });
          const expected = (format: Intl.DateTimeFormatOptions) => luxon.toLocaleString(format).replace(/[\u202f\u2009]/g, "\u00a0");
          expect(kit.formatDate(iso), `${language} ${timeZone} ${iso}`).toBe(expected({ ...DateTime.DATETIME_MED, timeZoneName: "short" }));
          expect(kit.formatDay(iso), `${language} ${timeZone} ${iso}`).toBe(expected(DateTime.DATE_MED));
        }
      }
    }
  });

  it("shows UTC and GMT as Etc/UTC, normalised instants and source dates alike: one space before PM, as in every named zone", () => {
    for (const zone of ["UTC", "GMT", "utc"]) {
      expect(kitIn(zone).formatDate("2021-04-19T15:31:00.000Z"), zone).toBe("Apr 19, 2021, 3:31 PM UTC");
      expect(kitIn(zone).formatDate("2021-04-19T17:31:00+02:00"), zone).toBe("Apr 19, 2021, 3:31 PM UTC");
    }
  });

  it("keeps luxon's reading of zones Intl does not know by name", () => {
    expect(plain(kitIn("UTC+2").formatDate("2021-04-19T15:31:00.000Z"))).toBe(plain(kitIn("Europe/Kiev").formatDate("2021-01-19T15:31:00.000Z").replace("Jan", "Apr")));
  });
});

describe("kit.formatNumber", () => {
  const kitSpeaking = (language: string): LayoutKit =>
    createKit({ title: "T", description: "", language, timeZone: "UTC", siteUrl: "", pathPrefix: "/", search: false }, { base: (data) => html`${data.title}` });

  it("formats as the site's language does, asked once or many times (counts are remembered)", () => {
    for (const language of ["en", "de", "ar-EG", "hi-IN"]) {
      const kit = kitSpeaking(language);
      const intl = new Intl.NumberFormat(language);
      for (const value of [1234567, 1234567, 3, 3, 0, -0, -12, 2.5, Number.NaN]) expect(kit.formatNumber(value), `${language} ${value}`).toBe(intl.format(value));
    }
    expect(kitSpeaking("de").formatNumber(1234567)).toBe("1.234.567");
  });
});
