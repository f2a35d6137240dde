// All message catalogues, joined per language. Each feature keeps its messages in its own module.
import { assessmentMessages } from './assessmentMessages';
import { catalogueMessages } from './catalogueMessages';
import { dailyWorkMessages } from './dailyWorkMessages';
import { exportsMessages } from './exportsMessages';
import { findingsMessages } from './findingsMessages';
import { officerToolsMessages } from './officerToolsMessages';
import { recordsMessages } from './recordsMessages';
import { reportsMessages } from './reportsMessages';
import { safekeepingMessages } from './safekeepingMessages';
import { signingMessages } from './signingMessages';
import { teamMessages } from './teamMessages';
import { transportMessages } from './transportMessages';
import { unitServerMessages } from './unitServerMessages';
import { vocabularyMessages } from './vocabularyMessages';
import { workflowMessages } from './workflowMessages';

export const LOCALES = ['vi', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

const FEATURES = [
  vocabularyMessages,
  recordsMessages,
  assessmentMessages,
  reportsMessages,
  workflowMessages,
  exportsMessages,
  dailyWorkMessages,
  safekeepingMessages,
  transportMessages,
  catalogueMessages,
  findingsMessages,
  officerToolsMessages,
  signingMessages,
  teamMessages,
  unitServerMessages,
];

export const messages: Record<Locale, Record<string, unknown>> = {
  vi: Object.assign({}, ...FEATURES.map((feature) => feature.vi)) as Record<string, unknown>,
  en: Object.assign({}, ...FEATURES.map((feature) => feature.en)) as Record<string, unknown>,
};
