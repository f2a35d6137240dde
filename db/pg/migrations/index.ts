// PostgreSQL's migrations, numbered as SQLite's (db/migrations/index.ts): a database starts at the baseline, which is
// SQLite's schema at version 130, and each later migration carries the version of its SQLite twin. The schema test
// (db/pg/schemaEquivalence.test.ts) fails when the two lists or the two schemas drift apart.
import type { ClientBase } from 'pg';
import { up as baseline } from './0130-baseline';
import { up as draftTrash } from './0140-draft-trash';
import { up as abolitionSaving } from './0150-abolition-saving';
import { up as recordRevisions } from './0160-record-revisions';
import { up as draftChains } from './0170-draft-chains';
import { up as teamAccounts } from './0200-team-accounts';
import { up as scopeClass } from './0230-scope-class';
import { up as historySeal } from './0270-history-seal';
import { up as catalogueChange } from './0290-catalogue-change';
import { up as settingRevisions } from './0300-setting-revisions';
import { up as methodTerms } from './0310-method-terms';
import { up as rollupIndex } from './0320-rollup-index';
import { up as offlineCopies } from './0330-offline-copies';
import { up as timeLimitsByMethod } from './0340-time-limits-by-method';
import { up as methodLimitsFollowProcedure } from './0350-method-limits-follow-procedure';
import { up as passwordChange } from './0360-password-change';
import { up as methodTimeLimits } from './0370-method-time-limits';
import { up as scopeFromRecord } from './0380-scope-from-record';
import { up as reviewBasis } from './0210-review-basis';
import { up as reviewRecount } from './0220-review-recount';
import { up as draftChangeAuthor } from './0240-draft-change-author';
import { up as composedText } from './0250-composed-text';
import { up as regulationWords } from './0260-regulation-words';
import { up as responseRevisions } from './0280-response-revisions';

export type PgMigration = { version: number; name: string; up: (client: ClientBase) => Promise<void> };

export const PG_MIGRATIONS: readonly PgMigration[] = [
  { version: 130, name: 'baseline', up: baseline },
  { version: 140, name: 'draft-trash', up: draftTrash },
  { version: 150, name: 'abolition-saving', up: abolitionSaving },
  { version: 160, name: 'record-revisions', up: recordRevisions },
  { version: 170, name: 'draft-chains', up: draftChains },
  { version: 200, name: 'team-accounts', up: teamAccounts },
  { version: 210, name: 'review-basis', up: reviewBasis },
  { version: 220, name: 'review-recount', up: reviewRecount },
  { version: 230, name: 'scope-class', up: scopeClass },
  { version: 240, name: 'draft-change-author', up: draftChangeAuthor },
  { version: 250, name: 'composed-text', up: composedText },
  { version: 260, name: 'regulation-words', up: regulationWords },
  { version: 270, name: 'history-seal', up: historySeal },
  { version: 280, name: 'response-revisions', up: responseRevisions },
  { version: 290, name: 'catalogue-change', up: catalogueChange },
  { version: 300, name: 'setting-revisions', up: settingRevisions },
  { version: 310, name: 'method-terms', up: methodTerms },
  { version: 320, name: 'rollup-index', up: rollupIndex },
  { version: 330, name: 'offline-copies', up: offlineCopies },
  { version: 340, name: 'time-limits-by-method', up: timeLimitsByMethod },
  { version: 350, name: 'method-limits-follow-procedure', up: methodLimitsFollowProcedure },
  { version: 360, name: 'password-change', up: passwordChange },
  { version: 370, name: 'method-time-limits', up: methodTimeLimits },
  { version: 380, name: 'scope-from-record', up: scopeFromRecord },
];

export const PG_LATEST_SCHEMA_VERSION = PG_MIGRATIONS.at(-1)?.version ?? 0;
