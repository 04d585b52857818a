import { createReadStream, existsSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import path from "node:path";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".xml": "application/xml",
  ".wasm": "application/wasm",
  ".opml": "text/x-opml",
};

/** One answered request, for tests that count what a page downloads. */
export interface ServedResponse {
  /** The request's path, e.g. /news/pagefind/pagefind.js */
  path: string;
  status: number;
  /** Body bytes sent (the file's size; these files are sent as they are, uncompressed). */
  bytes: number;
}

export interface StaticServer {
  /** e.g. http://127.0.0.1:43123/news/ */
  baseUrl: string;
  close(): Promise<void>;
}

/**
 * Serves a built site under its path prefix on 127.0.0.1 and a free port, like a static host:
 * folders answer with index.html, anything else missing with /404.html and status 404.
 * `onResponse` hears of every file sent.
 */
export async function serveStatic(rootDir: string, prefix = "/", options: { onResponse?: (served: ServedResponse) => void } = {}): Promise<StaticServer> {
  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://localhost");
    const pathname = decodeURIComponent(url.pathname);
    const send = (file: string, status = 200): void => {
      options.onResponse?.({ path: pathname, status, bytes: statSync(file).size });
      response.writeHead(status, { "content-type": TYPES[path.extname(file)] ?? "application/octet-stream" });
      createReadStream(file).pipe(response);
    };
    if (!pathname.startsWith(prefix)) {
      response.writeHead(404).end();
      return;
    }
    let file = path.join(rootDir, pathname.slice(prefix.length));
    if (!file.startsWith(rootDir)) {
      response.writeHead(403).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = path.join(file, "index.html");
    if (existsSync(file)) send(file);
    else if (existsSync(path.join(rootDir, "404.html"))) send(path.join(rootDir, "404.html"), 404);
    else response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    baseUrl: `http://127.0.0.1:${port}${prefix}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
