import { OPTION_SCHEMA, type OptionDeclaration } from "./option-schema.js";
import { ARTICLE_FIELDS, IMAGE_FIELDS, PROVIDER_FIELDS, type Field, type FieldTable } from "./article/schema.js";

/**
 * The README's option and article-field tables, rendered from the declarations so the README can
 * be checked against them (test/unit/readme-schema.test.ts) instead of kept in step by hand.
 */

// A `|` would end the cell, even inside a code span (GitHub-flavoured Markdown).
const cell = (text: string): string => text.replace(/\|/g, "\\|");

function markdownTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]): string => `| ${cells.map(cell).join(" | ")} |`;
  return [line(header), `|${header.map(() => "---").join("|")}|`, ...rows.map(line)].join("\n");
}

const code = (value: unknown): string => `\`${JSON.stringify(value)}\``;

/** The option table of the README's "The plugin" section. */
export function renderOptionsTable(): string {
  const rows = Object.entries<OptionDeclaration<unknown>>(OPTION_SCHEMA).map(([name, option]) => [
    `\`${name}\``,
    code(option.default),
    option.example === undefined ? "" : code(option.example),
    option.doc,
  ]);
  return markdownTable(["option", "default", "example", "meaning"], rows);
}

function requirement(field: Field, table: FieldTable<string>): string {
  if (field.required === true) return "**yes**";
  if (field.required === "one of") {
    const group = table.fields.filter((f) => f.required === "one of").map((f) => `\`${f.name}\``);
    return `**one of** ${group.join(", ")}`;
  }
  return "no";
}

function nestedTable(table: FieldTable<string>): string {
  return markdownTable(
    ["field", "type", "required", "notes"],
    table.fields.map((f) => [`\`${f.name}\``, f.type, requirement(f, table), f.doc]),
  );
}

/** The article-field tables of the README's "Article files" section: the article's fields, then a provider's, then an image's. */
export function renderArticleFieldTables(): string {
  const article = markdownTable(
    ["field", "type", "required", "in `related[]` items", "notes"],
    ARTICLE_FIELDS.fields.map((f) => [`\`${f.name}\``, f.type, requirement(f, ARTICLE_FIELDS), f.articleOnly ? "no" : "yes", f.doc]),
  );
  return [
    article,
    "Fields of `provider` (in an article and in each related item):",
    nestedTable(PROVIDER_FIELDS),
    "Fields of each image in `images` and `provider.images`:",
    nestedTable(IMAGE_FIELDS),
  ].join("\n\n");
}
