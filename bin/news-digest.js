#!/usr/bin/env node
// The news-digest command line; its code is src/cli/, compiled to dist/ (npm run build).
import { main } from "../dist/src/cli/main.js";

process.exitCode = await main(process.argv.slice(2));
