// The ordered list of schema migrations. Versions go up in steps of 10; PRAGMA user_version holds the last applied.
import type { Database } from 'better-sqlite3';
import { up as initial } from './0010-initial';
import { up as responsesConflicts } from './0020-responses-conflicts';
import { up as roundSnapshots } from './0030-round-snapshots';
import { up as issuedIndex } from './0040-issued-index';
import { up as assessmentSummary } from './0050-assessment-summary';
import { up as historyTrash } from './0060-history-trash';
import { up as regulationMeasures } from './0070-regulation-measures';
import { up as catalogue } from './0080-catalogue';
import { up as storedAnnualCost } from './0090-stored-annual-cost';
import { up as reviewFindings } from './0100-review-findings';
import { up as storedAssessmentProgress } from './0130-stored-assessment-progress';
import { up as draftTrash } from './0140-draft-trash';
import { up as abolitionSaving } from './0150-abolition-saving';
import { up as recordRevisions } from './0160-record-revisions';
import { up as draftChains } from './0170-draft-chains';
import { up as teamAccounts } from './0200-team-accounts';
import { up as scopeClass } from './0230-scope-class';
import { up as regulationWords } from './0260-regulation-words';
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
import { up as responseRevisions } from './0280-response-revisions';

export type Migration = { version: number; name: string; up: (db: Database) => void };

export const MIGRATIONS: readonly Migration[] = [
  { version: 10, name: 'initial', up: initial },
  { version: 20, name: 'responses-conflicts', up: responsesConflicts },
  { version: 30, name: 'round-snapshots', up: roundSnapshots },
  { version: 40, name: 'issued-index', up: issuedIndex },
  { version: 50, name: 'assessment-summary', up: assessmentSummary },
  { version: 60, name: 'history-trash', up: historyTrash },
  { version: 70, name: 'regulation-measures', up: regulationMeasures },
  { version: 80, name: 'catalogue', up: catalogue },
  { version: 90, name: 'stored-annual-cost', up: storedAnnualCost },
  { version: 100, name: 'review-findings', up: reviewFindings },
  { version: 130, name: 'stored-assessment-progress', up: storedAssessmentProgress },
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

export const LATEST_SCHEMA_VERSION = MIGRATIONS.at(-1)?.version ?? 0;
