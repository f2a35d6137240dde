// Child process of backupCrash.test.ts: does one kind of write over and over until it is killed with SIGKILL.
import { restoreDatabaseFile, takeAutomaticBackup } from '../../db/sqlite/backups';
import { openDatabase } from '../../db/sqlite/connection';

const [mode, databasePath, source] = process.argv.slice(2);
if (!mode || !databasePath) throw new Error('usage: backupCrashChild backup|migrate|restore DB [SOURCE]');

if (mode === 'migrate') {
  openDatabase(databasePath).close(); // pre-migration copy, then every pending migration
  process.stdout.write('done\n');
} else if (mode === 'backup') {
  const db = openDatabase(databasePath);
  for (;;) takeAutomaticBackup(db, databasePath, 'manual', new Date());
} else if (mode === 'restore') {
  for (;;) await restoreDatabaseFile(databasePath, source ?? '', new Date());
}
