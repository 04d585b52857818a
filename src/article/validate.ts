import type { Problem } from "../errors.js";
import type { Coverage } from "./types.js";
import type { ParsedFile } from "./read.js";
import { cleanLine, cleanText } from "./text.js";
import { ARTICLE_FIELDS, ARTICLE_ONLY_FIELDS, RELATED_ITEM_FIELDS } from "./schema.js";
import { FieldReader, type ValidationContext } from "./field-reader.js";
import { readCoverage } from "./coverage.js";

export type { ValidationContext } from "./field-reader.js";

/** An article after validation and normalisation, before the site gives it a slug. */
export interface ArticleDraft extends Coverage {
  sourceFile: string;
  publishedMs: number;
  published: boolean;
  topics: string[];
  related: Coverage[];
  body: string;
}

const isMapping = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === "object" && !Array.isArray(value);

/**
 * Checks one parsed file against the article schema (schema.ts) and normalises it. Returns the
 * draft only when there are no errors; warnings (dropped optional URLs) come back either way.
 */
export function validateArticle(parsed: ParsedFile, context: ValidationContext): { draft?: ArticleDraft; problems: Problem[] } {
  const A = ARTICLE_FIELDS.field;
  const reader = new FieldReader(parsed.file, context);
  const fields = parsed.data;
  reader.unknownFields(fields, "", ARTICLE_FIELDS, "a known article field");
  const coverage = readCoverage(reader, fields, "");
  const published = reader.boolean(fields, A.published, "");
  reader.opaque(fields, A.secured, "");

  const topics: string[] = [];
  reader.list(fields, A.topics, "").forEach((topic, index) => {
    if (typeof topic !== "string" || cleanLine(topic) === "") {
      reader.error(`topics[${index}]`, "a non-empty topic name", topic);
      return;
    }
    topics.push(cleanLine(topic));
  });

  const related: Coverage[] = [];
  reader.list(fields, A.related, "").forEach((entry, index) => {
    const at = `related[${index}]`;
    if (!isMapping(entry)) {
      reader.error(at, "a mapping with title, publishedDateTime, webUrl and provider", entry);
      return;
    }
    reader.unknownFields(entry, at, RELATED_ITEM_FIELDS, "a known related-item field", ARTICLE_ONLY_FIELDS);
    const item = readCoverage(reader, entry, at);
    if (item) related.push(item);
  });

  if (reader.hasErrors() || !coverage) return { problems: reader.problems };
  return {
    draft: {
      ...coverage,
      sourceFile: parsed.file,
      publishedMs: Date.parse(coverage.publishedAt),
      // The samples always say; a file that omits the field is taken as published, the common case.
      published: published ?? true,
      topics,
      related,
      body: cleanText(parsed.body),
    },
    problems: reader.problems,
  };
}
