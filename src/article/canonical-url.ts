// Query parameters that identify a campaign or a click, not a document.
const TRACKING_PARAMS = /^(utm_.*|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|igshid|_ga|ref|ref_src|cmpid|ito|ocid|smid|partner|src)$/i;

/**
 * A comparison key for "is this the same story URL": https, lower-case host without `www.`,
 * AMP variants folded to the page they mirror (`?amp`, `amp=1`, `/amp/` segments, `.amp.html`,
 * `amp.` hosts), tracking parameters and fragments dropped, remaining parameters sorted, no
 * trailing slash. It is a key only; links always use the URL the file gave.
 */
export function canonicalUrlKey(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return url;
  }
  const host = parsed.hostname.toLowerCase().replace(/^(www|amp|m)\./, "");
  let path = parsed.pathname.replace(/\/amp(?=\/|$)/gi, "").replace(/\.amp\.html$/i, ".html");
  // Trailing slashes by a scan, not /\/+$/: that regular expression backtracks over every run of
  // slashes not at the end, which took 30 s on one 300 KB path.
  let end = path.length;
  while (end > 0 && path.charCodeAt(end - 1) === 0x2f) end--;
  path = end === 0 ? "/" : path.slice(0, end);
  const params = [...parsed.searchParams.entries()]
    .filter(([name, value]) => !TRACKING_PARAMS.test(name) && !(name.toLowerCase() === "amp" && (value === "" || value === "1" || value === "true")) && !(name.toLowerCase() === "outputtype" && value.toLowerCase() === "amp"))
    .sort(([a, av], [b, bv]) => (a === b ? av.localeCompare(bv) : a.localeCompare(b)));
  const query = params.length ? `?${new URLSearchParams(params).toString()}` : "";
  return `https://${host}${parsed.port ? `:${parsed.port}` : ""}${path}${query}`;
}
