import { SaxesParser } from "saxes";
import { parseDocument } from "htmlparser2";
import { textContent } from "domutils";
import { isTag, type ChildNode } from "domhandler";

/** One element of a strictly parsed document, with namespace-resolved names. */
export interface XmlNode {
  /** Qualified name as written, e.g. "atom:link". */
  name: string;
  local: string;
  /** Namespace URI ("" when none). */
  uri: string;
  /** Attribute values by qualified name, as written. */
  attributes: Record<string, string>;
  /** Namespace declarations made on this element, prefix ("" for the default) → URI. */
  declares: Record<string, string>;
  children: (XmlNode | string)[];
}

export const NS = {
  atom: "http://www.w3.org/2005/Atom",
  content: "http://purl.org/rss/1.0/modules/content/",
  dc: "http://purl.org/dc/elements/1.1/",
  media: "http://search.yahoo.com/mrss/",
  fh: "http://purl.org/syndication/history/1.0",
} as const;

/**
 * XML 1.0 with namespaces, as strict as the spec: saxes reports undeclared prefixes, undefined
 * entities, forbidden characters and every well-formedness error, and here each report throws
 * (saxes would otherwise carry on after an error). DOCTYPEs are refused outright so that no
 * internal subset can define entities the test would then accept.
 */
export function parseStrictXml(source: string, label = "document"): XmlNode {
  const parser = new SaxesParser({ xmlns: true, position: true });
  const stack: XmlNode[] = [];
  let root: XmlNode | undefined;
  parser.on("error", (error) => {
    throw new Error(`${label}: ${error.message}`);
  });
  parser.on("doctype", () => {
    throw new Error(`${label}: unexpected DOCTYPE`);
  });
  parser.on("opentag", (tag) => {
    const attributes: Record<string, string> = {};
    for (const attribute of Object.values(tag.attributes)) attributes[attribute.name] = attribute.value;
    const node: XmlNode = { name: tag.name, local: tag.local, uri: tag.uri, attributes, declares: { ...tag.ns }, children: [] };
    const parent = stack[stack.length - 1];
    if (parent) parent.children.push(node);
    else root = node;
    stack.push(node);
  });
  parser.on("closetag", () => {
    stack.pop();
  });
  const pushText = (text: string): void => {
    stack[stack.length - 1]?.children.push(text);
  };
  parser.on("text", pushText);
  parser.on("cdata", pushText);
  parser.write(source).close();
  if (!root) throw new Error(`${label}: no root element`);
  return root;
}

export function childElements(node: XmlNode, uri: string, local: string): XmlNode[] {
  return node.children.filter((child): child is XmlNode => typeof child !== "string" && child.uri === uri && child.local === local);
}

export function childElement(node: XmlNode, uri: string, local: string): XmlNode | undefined {
  return childElements(node, uri, local)[0];
}

/** The element's text as the XML layer defines it (entities decoded once, nothing else). */
export function xmlText(node: XmlNode | undefined): string {
  if (!node) return "";
  return node.children.map((child) => (typeof child === "string" ? child : xmlText(child))).join("");
}

/** Every element in document order, the node itself first. */
export function descendants(node: XmlNode): XmlNode[] {
  return [node, ...node.children.flatMap((child) => (typeof child === "string" ? [] : descendants(child)))];
}

/** Parses a string that a format defines as HTML; `elements` lists the tag names it contains. */
export function parseHtmlLayer(source: string): { text: string; elements: string[] } {
  const document = parseDocument(source);
  const elements: string[] = [];
  const walk = (nodes: ChildNode[]): void => {
    for (const node of nodes) {
      if (isTag(node)) {
        elements.push(node.name);
        walk(node.children);
      }
    }
  };
  walk(document.children);
  return { text: textContent(document), elements };
}
