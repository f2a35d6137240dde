// A solo host over a database holding the reviewed dossier (test/fixtures/reviewedDossier.ts), imported by the
// command line as an officer would: the set-up of the specs that start from a draft VPCP has reviewed.
import { spawnSync } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { writeReviewedDossier } from '../fixtures/reviewedDossier';
import { expect } from './test';
import { startHost, temporaryDatabase, type RunningHost } from './webHost';

const CLI = resolve(import.meta.dirname, '../../bin/tthc.js');

/** A fresh database named `name` with the reviewed dossier imported, and a host started over it. */
export async function reviewedHost(name: string): Promise<RunningHost> {
  const databasePath = temporaryDatabase(name);
  const imported = spawnSync(process.execPath, [CLI, '--db', databasePath, 'import', writeReviewedDossier(dirname(databasePath))], { encoding: 'utf8' });
  expect(imported.status, imported.stderr).toBe(0);
  return startHost(databasePath);
}
