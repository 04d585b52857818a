import { parseArgs } from "node:util";

/** A mistake on the command line: exit status 2, the message and a pointer to `--help`. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}

export interface FlagSpec {
  type: "string" | "boolean";
  short?: string;
  /** A string option that may be given more than once: its values are collected in order. */
  multiple?: true;
}

export interface ParsedArgs {
  values: Record<string, string | boolean | string[] | undefined>;
  positionals: string[];
}

/**
 * node:util parseArgs, checked by us rather than in its strict mode, so each mistake gets one
 * short message that does not change with the Node version: an unknown option, a string option
 * without a value (`--content` last, or followed by another option), a value given to a switch.
 */
export function parseFlags(args: readonly string[], flags: Readonly<Record<string, FlagSpec>>): ParsedArgs {
  const options = Object.fromEntries(Object.entries(flags).map(([name, { type, short }]) => [name, short ? { type, short } : { type }]));
  const { tokens } = parseArgs({ args: [...args], options, strict: false, allowPositionals: true, tokens: true });
  const values: Record<string, string | boolean | string[] | undefined> = {};
  const positionals: string[] = [];
  for (const token of tokens) {
    if (token.kind === "positional") {
      positionals.push(token.value);
      continue;
    }
    if (token.kind === "option-terminator") continue;
    const spec = Object.hasOwn(flags, token.name) ? flags[token.name] : undefined;
    if (!spec) throw new UsageError(`unknown option ${token.rawName}`);
    if (spec.type === "string") {
      if (token.value === undefined || (!token.inlineValue && token.value.startsWith("-"))) throw new UsageError(`${token.rawName} needs a value`);
      if (spec.multiple) {
        const earlier = values[token.name];
        values[token.name] = [...(Array.isArray(earlier) ? earlier : []), token.value];
      } else values[token.name] = token.value;
    } else {
      if (token.value !== undefined) throw new UsageError(`${token.rawName} takes no value`);
      values[token.name] = true;
    }
  }
  return { values, positionals };
}

export const stringValue = (parsed: ParsedArgs, name: string): string | undefined => {
  const value = parsed.values[name];
  return typeof value === "string" ? value : undefined;
};

/** Every value of a repeatable string option, in the order given. */
export const stringValues = (parsed: ParsedArgs, name: string): string[] => {
  const value = parsed.values[name];
  return Array.isArray(value) ? value : typeof value === "string" ? [value] : [];
};
