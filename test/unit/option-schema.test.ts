import { describe, expect, it } from "vitest";
import { OPTION_SCHEMA, resolveOptions, type OptionDeclaration } from "../../src/index.js";

const declarations = Object.entries<OptionDeclaration<unknown>>(OPTION_SCHEMA);

describe("OPTION_SCHEMA", () => {
  it("gives every option a documented example", () => {
    for (const [name, option] of declarations) {
      expect(option.example, name).toBeDefined();
      expect(option.doc.includes("\n"), name).toBe(false);
    }
  });

  // Defaults are not checked when options are resolved, and the README shows both; a bad one
  // would be a build that fails only when a user sets the documented value.
  it.each(declarations)("accepts its own default and example for %s", (name, option) => {
    expect(option.check(option.default)).toMatchObject({ ok: true });
    expect(option.check(option.example)).toMatchObject({ ok: true });
    expect(() => resolveOptions({ [name]: option.example })).not.toThrow();
  });

  it("rejects keys of Object.prototype as unknown options", () => {
    expect(() => resolveOptions({ toString: 1, constructor: 2 })).toThrow(/toString: expected a known option[^]*constructor: expected a known option/);
  });
});
