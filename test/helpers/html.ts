import { parseDocument } from "htmlparser2";
import { selectAll, selectOne } from "css-select";
import { textContent, getAttributeValue } from "domutils";
import type { Document, Element } from "domhandler";

/** Parsed HTML with CSS selectors, for asserting on what a build wrote. */
export interface Html {
  document: Document;
  all(selector: string): Element[];
  one(selector: string): Element | null;
  text(selector: string): string;
  attr(element: Element | null, name: string): string | undefined;
  attrs(selector: string, name: string): string[];
}

export function parseHtml(source: string): Html {
  const document = parseDocument(source);
  const all = (selector: string): Element[] => selectAll(selector, document) as unknown as Element[];
  return {
    document,
    all,
    one: (selector) => (selectOne(selector, document) as unknown as Element | null) ?? null,
    text: (selector) => all(selector).map((el) => textContent(el)).join(""),
    attr: (element, name) => (element ? getAttributeValue(element, name) : undefined),
    attrs: (selector, name) => all(selector).flatMap((el) => getAttributeValue(el, name) ?? []),
  };
}

export { textContent };
