import { escapeAttribute, escapeText, stripInvalidXmlChars } from "../escape.js";
import { partsText, Serialized, type DocumentParts } from "./document-parts.js";

/**
 * XML built as a tree and serialised in one place, through the core's escaper: text with
 * `escapeText`, attribute values with `escapeAttribute`. Feeds never paste strings into markup.
 */
export interface XmlElement {
  name: string;
  attributes: Record<string, string | number | undefined>;
  children: XmlChild[];
}

/** Already-serialised XML, only ever produced here ({@link serializeFragment}, {@link rssPlainText}), so it can be reused (one item in many feeds). */
export class SerializedXml extends Serialized {}

export type XmlChild = XmlElement | SerializedXml | string | undefined | false | null;

/** `el("item", {}, el("title", {}, title))`; undefined attributes and children are skipped. */
export function el(name: string, attributes: Record<string, string | number | undefined> = {}, ...children: (XmlChild | XmlChild[])[]): XmlElement {
  // Most elements have no list among their children, and flat() copies the array anyway (el() was 8% of a profile of the feed thread).
  return { name, attributes, children: children.some(Array.isArray) ? children.flat() : (children as XmlChild[]) };
}

function serializeNode(node: XmlChild, out: (string | SerializedXml)[]): void {
  if (node === undefined || node === null || node === false) return;
  if (typeof node === "string") {
    out.push(escapeText(node));
    return;
  }
  if (node instanceof SerializedXml) {
    out.push(node);
    return;
  }
  let tag = `<${node.name}`;
  for (const key of Object.keys(node.attributes)) {
    const value = node.attributes[key];
    if (value !== undefined) tag += ` ${key}="${escapeAttribute(String(value))}"`;
  }
  if (node.children.length === 0) {
    out.push(`${tag}/>`);
    return;
  }
  out.push(`${tag}>`);
  for (const child of node.children) serializeNode(child, out);
  out.push("</", node.name, ">");
}

/** Serialises a fragment (no declaration), for reuse inside larger documents. */
export function serializeFragment(node: XmlElement): SerializedXml {
  const out: (string | SerializedXml)[] = [];
  serializeNode(node, out);
  return new SerializedXml(partsText(out));
}

/** A whole document with its XML declaration, its reused fragments left as they are (see document-parts.ts). */
export function serializeXmlParts(root: XmlElement): DocumentParts {
  const out: (string | SerializedXml)[] = ['<?xml version="1.0" encoding="utf-8"?>\n'];
  serializeNode(root, out);
  out.push("\n");
  return out;
}

/** A whole document with its XML declaration. */
export function serializeXml(root: XmlElement): string {
  return partsText(serializeXmlParts(root));
}

const HEX_REFERENCES: Record<string, string> = { "&": "&#x26;", "<": "&#x3C;", ">": "&#x3E;" };

/**
 * Plain text for RSS elements that readers do not treat as HTML (titles, creators, categories).
 * The RSS Best Practices Profile asks for hexadecimal character references there: `&amp;` or
 * `&lt;` make the W3C validator warn (ContainsHTML, CharacterData) and some readers decode twice.
 */
export function rssPlainText(value: string): SerializedXml {
  return new SerializedXml(stripInvalidXmlChars(value).replace(/[&<>]/g, (c) => HEX_REFERENCES[c] ?? c));
}
