#!/usr/bin/env node
// Entry point of the `tthc` command: runs the TypeScript sources through tsx, so it works right after `npm ci`.
import { register } from 'tsx/esm/api';

register();
const { runCli } = await import('../main/transports/cli.ts');
process.exitCode = await runCli(process.argv.slice(2));
