// A database holding the national TTHC catalogue sample and the issued decree of the fixtures, as the CLI imports them.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { CATALOGUE_SAMPLE_PATH, issuedDecreeDossier } from '../fixtures/catalogueSample';
import { expect } from './test';
import { temporaryDatabase } from './webHost';

const CLI = resolve(import.meta.dirname, '../../bin/tthc.js');

/** The database file, and the folder beside it for the test's downloads. */
export function issuedDecreeDatabase(fileName: string): { databasePath: string; folder: string } {
  const databasePath = temporaryDatabase(fileName);
  const folder = dirname(databasePath);
  const dossierPath = join(folder, 'issued.json');
  writeFileSync(dossierPath, JSON.stringify(issuedDecreeDossier()));
  for (const args of [['catalogue', 'import', CATALOGUE_SAMPLE_PATH], ['import', dossierPath]]) {
    const run = spawnSync(process.execPath, [CLI, '--db', databasePath, ...args], { encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
  }
  return { databasePath, folder };
}
