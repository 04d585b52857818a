import { createHash } from "node:crypto";

/** Below this length an object's serialised form is kept as it is; above it, it is replaced by its hash. */
const INLINE_LIMIT = 256;

const IN_PROGRESS = "\u0000";

/**
 * A fingerprint of plain data (objects, arrays, strings, numbers, booleans, null), equal for
 * equal data and, in practice, different for different data. It stands in for "render it and
 * compare the output": a page or feed whose inputs have the same fingerprint as last build's is
 * not rendered again.
 *
 * One fingerprinter serves one build and remembers each object it has seen, by identity: an
 * article appears on its own page, in every list and feed that shows it, and is serialised
 * once, not once per page (JSON.stringify of every feed item was a second of a 10,000-article
 * build). So the data must not change while the fingerprinter is in use. Objects whose form is
 * long are folded into a hash, so a page's fingerprint costs its own fields plus one short
 * string per shared object, however large those objects are.
 */
export function createFingerprinter(): (value: unknown) => string {
  const seen = new WeakMap<object, string>();
  const formOf = (value: unknown): string => {
    if (value === null || typeof value !== "object") {
      // JSON has no undefined; a missing field and an undefined one render alike.
      if (value === undefined) return "u";
      if (typeof value === "function" || typeof value === "symbol") throw new TypeError(`cannot fingerprint a ${typeof value}: fingerprinted data must be plain`);
      return typeof value === "bigint" ? `${value}n` : JSON.stringify(value);
    }
    const known = seen.get(value);
    if (known === IN_PROGRESS) throw new TypeError("cannot fingerprint data that contains itself");
    if (known !== undefined) return known;
    seen.set(value, IN_PROGRESS);
    let form: string;
    if (Array.isArray(value)) form = `[${value.map(formOf).join(",")}]`;
    else if (value instanceof Map) form = `M[${[...value].map(([k, v]) => `${formOf(k)}:${formOf(v)}`).join(",")}]`;
    else if (value instanceof Set) form = `S[${[...value].map(formOf).join(",")}]`;
    else {
      const fields: string[] = [];
      for (const key of Object.keys(value)) fields.push(`${JSON.stringify(key)}:${formOf((value as Record<string, unknown>)[key])}`);
      form = `{${fields.join(",")}}`;
    }
    if (form.length > INLINE_LIMIT) form = `#${createHash("sha1").update(form).digest("base64")}`;
    seen.set(value, form);
    return form;
  };
  return (value) => {
    const form = formOf(value);
    return form.startsWith("#") ? form.slice(1) : createHash("sha1").update(form).digest("base64");
  };
}
