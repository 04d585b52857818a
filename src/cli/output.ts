/** Where a command writes: stdout and stderr by default, strings in tests. */
export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
}

export const processIo: Io = {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
};

// What JSON.stringify leaves raw but a terminal acts on: DEL, C1 controls, bidirectional overrides and isolates, line and paragraph separators.
const RAW_IN_JSON = /[\u007f-\u009f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/**
 * JSON for a terminal: JSON.stringify escapes C0 controls itself; the rest of what
 * `terminalSafe` escapes is written as `\uXXXX` too, which parses back to the same value.
 */
export function safeJson(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(RAW_IN_JSON, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
