#!/usr/bin/env node
// Entry point of the `tthc` command: it runs the bundle bin/cliBundle.js builds from the sources, or the sources.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadCli } from './cliBundle.js';

/** The built UI the `serve` command hosts: the bundle lives elsewhere than the sources it would be found from. */
process.env.TTHC_RENDERER_DIR ??= join(dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'renderer');

const { runCli } = await loadCli();
process.exitCode = await runCli(process.argv.slice(2));
