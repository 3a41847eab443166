#!/usr/bin/env node
// The certgate command. The CLI is compiled to dist/ and bundled into dist/bin/ by `npm run build`
// (run by `npm ci`; see scripts/bundle-cli.mjs).
import { main } from '../dist/bin/main.js';

process.exitCode = await main(process.argv.slice(2));
