import { describe, expect, it } from "vitest";
import { escapeText, escapeAttribute, html, serializeJsonForScript, stripInvalidXmlChars, SafeHtml } from "../../src/index.js";

describe("the escaper", () => {
  it("escapes text and attributes for their contexts", () => {
    expect(escapeText(`<a href="x">&]]></a>`)).toBe(`&lt;a href="x"&gt;&amp;]]&gt;&lt;/a&gt;`);
    expect(escapeAttribute(`" onload='x' <b>&\n`)).toBe(`&quot; onload=&#39;x&#39; &lt;b&gt;&amp;&#10;`);
  });

  it("removes characters XML 1.0 forbids, keeping astral characters", () => {
    expect(stripInvalidXmlChars("a\u0000b\u0001c\u0008d\u000Be\uFFFEf\uD800g🚀\t\n")).toBe("abcdefg🚀\t\n");
  });

  it("escapes every interpolated value in html`` unless it is html`` itself", () => {
    const title = `<script>alert(1)</script>`;
    expect(html`<h1 title="${title}">${title}</h1>${html`<br>`}`.value).toBe(`<h1 title="&lt;script&gt;alert(1)&lt;/script&gt;">&lt;script&gt;alert(1)&lt;/script&gt;</h1><br>`);
    expect(html`${[html`<li>`, "<x>"]}`.value).toBe("<li>&lt;x&gt;");
    expect(html`${undefined}${null}${false}${0}`.value).toBe("0");
  });

  it("cannot be handed a string as markup from outside the escaper", () => {
    // @ts-expect-error: the constructor takes a token only the escaper holds.
    expect(() => new SafeHtml("<script>alert(1)</script>")).toThrow("SafeHtml is made by the html tag only");
    // @ts-expect-error: a look-alike symbol is not the escaper's token.
    expect(() => new SafeHtml("<b>", Symbol("SafeHtml"))).toThrow(TypeError);
    expect(String(html`<b>${"<i>"}</b>`)).toBe("<b>&lt;i&gt;</b>");
  });

  it("keeps JSON-LD from closing its script element", () => {
    const json = serializeJsonForScript({ headline: "</script><script>alert(1)</script>\u2028" });
    expect(json).not.toContain("</script");
    expect(JSON.parse(json)).toEqual({ headline: "</script><script>alert(1)</script>\u2028" });
  });
});
