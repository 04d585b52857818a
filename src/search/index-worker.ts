// Runs in a worker thread, so that records become pages and Pagefind starts while the main
// thread is busy rendering (its synchronous rendering would give a child process's events no
// turn until the feeds were done). Pagefind runs as a child process this thread owns and always
// waits for: its output is captured for the error message, and it is killed when the build is abandoned.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parentPort, workerData, type MessagePort } from "node:worker_threads";
import type { SearchRecord } from "./records.js";
import { renderRecordPage } from "./record-page.js";
import { RecordsFingerprint } from "./records-fingerprint.js";
import { sitePathOf } from "../site/site-pages.js";
import { resolveInside } from "../site/write-files.js";
import type { IndexWorkerData, WorkerReply, WorkerRequest } from "./worker-protocol.js";

// Keeps the last part of a stream: Pagefind's panic is at the end, and a long log must not grow without bound.
const tail = (text: string, limit = 4000): string => (text.length > limit ? `…${text.slice(-limit)}` : text);

/** The thread's whole life: its state lives here, one per thread, not in the module. */
function serve(port: MessagePort, { pagesDir, binary }: IndexWorkerData): void {
  const reply = (message: WorkerReply): void => port.postMessage(message);

  let recordCount = 0;
  // Here rather than on the main thread, which is rendering: 125 ms at 10,000 records.
  const fingerprint = new RecordsFingerprint(binary);
  let prepareFailure: string | undefined;
  let child: ChildProcess | undefined;
  let ending = false;

  function writeRecordPages(records: readonly SearchRecord[]): void {
    for (const record of records) {
      // At the path a site page of that URL would have, so Pagefind derives the record's own URL from it.
      const file = resolveInside(pagesDir, sitePathOf(record.url));
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, renderRecordPage(record));
      recordCount++;
    }
    fingerprint.add(records);
  }

  function finish(): void {
    rmSync(pagesDir, { recursive: true, force: true });
    port.close();
  }

  function runPagefind(bundleDir: string, unlessFingerprint: string | undefined): void {
    if (prepareFailure) {
      reply({ kind: "failed", step: "prepare the records", errors: [prepareFailure] });
      finish();
      return;
    }
    const key = fingerprint.digest();
    if (key === unlessFingerprint) {
      reply({ kind: "unchanged", pages: recordCount, fingerprint: key });
      finish();
      return;
    }
    rmSync(bundleDir, { recursive: true, force: true });
    let stdout = "";
    let stderr = "";
    const started = spawn(binary, ["--site", pagesDir, "--output-path", bundleDir], { stdio: ["ignore", "pipe", "pipe"], windowsHide: true });
    child = started;
    if (started.pid !== undefined) reply({ kind: "running", pid: started.pid });
    started.stdout?.setEncoding("utf8").on("data", (chunk: string) => (stdout = tail(stdout + chunk, 20_000)));
    started.stderr?.setEncoding("utf8").on("data", (chunk: string) => (stderr = tail(stderr + chunk)));
    let couldNotStart = false;
    started.once("error", (error) => {
      couldNotStart = true;
      reply({ kind: "failed", step: "start", errors: [`${binary}: ${error.message}`] });
    });
    started.once("close", (code, signal) => {
      child = undefined;
      reply({ kind: "exited" });
      if (couldNotStart) {
        finish();
        return;
      }
      // "Indexed 1 page" / "Indexed 9478 pages" in the summary; the first such line counts pages.
      const indexed = Number(/Indexed (\d+) pages?\b/.exec(stdout)?.[1] ?? Number.NaN);
      if (code !== 0) {
        const how = signal ? `was stopped by ${signal}` : `exited with code ${String(code)}`;
        reply({ kind: "failed", step: "write the search bundle", errors: [`Pagefind ${how}${stderr.trim() ? `:\n${stderr.trim()}` : ""}`] });
      } else if (indexed !== recordCount) {
        reply({ kind: "failed", step: "index the records", errors: [`indexed ${Number.isNaN(indexed) ? "an unknown number" : indexed} of ${recordCount} records`, ...(stderr.trim() ? [stderr.trim()] : [])] });
      } else reply({ kind: "written", pages: indexed, fingerprint: key });
      finish();
    });
  }

  port.on("message", (request: WorkerRequest) => {
    if (request.kind === "add") {
      try {
        if (!prepareFailure) writeRecordPages(request.records);
      } catch (error) {
        prepareFailure = String(error);
      }
      return;
    }
    if (request.kind === "close") {
      // Abandoned: stop Pagefind if it runs (its close event then ends the thread), else end now.
      if (child) child.kill("SIGKILL");
      else if (!ending) finish();
      ending = true;
      return;
    }
    if (ending) return;
    ending = true;
    runPagefind(request.bundleDir, request.unlessFingerprint);
  });
}

if (!parentPort) throw new Error("index-worker.js must run in a worker thread");
serve(parentPort, workerData as IndexWorkerData);
