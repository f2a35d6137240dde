// What a stored review was judged by, as one short text (issue 18): the rule set as data (each rule's detector,
// parameters, severity, rank, wording), the reference data the detectors apply (mandates, fees, conditions in force,
// conditional sectors, units, levels, programs), and the revision of the detectors' own code. A stored review whose
// basis carries another fingerprint was made under other rules and is judged again when read, even where the rule
// set's tag is unchanged (R21 read rewordings as added under rules-2026@2 too).
import { DOC_TYPE_REFERENCE, LEVEL_REFERENCE, MINISTRY_REFERENCE, PROVINCE_REFERENCE } from '../administrativeReference';
import { BUSINESS_CONDITION_SETS } from '../law/businessConditions';
import { CONDITIONAL_SECTORS } from '../law/conditionalSectors';
import { FEE_AUTHORITIES, FEE_EXEMPTIONS, PROVINCIAL_FEE_LINES } from '../law/feeLaw';
import { BUSINESS_CONDITION_MANDATES, PROCEDURE_MANDATES } from '../law/mandates';
import { UNIT_CHANGES } from '../law/units';
import { REFORM_PROGRAMS } from '../reformPrograms';
import { ruleSetTag, type RuleSet } from './ruleSet';

/**
 * The revision of what the detectors (detectors.ts and the law readers they call) find for given data: raised with
 * every change to it, so that reviews stored under the old code are judged again. 1: R21 holds a rewording of a
 * condition in force to it; R12 writes the district People's Committee against the level. 2: a condition's figures
 * written in words («02 tỷ đồng») are sums, and the law's own figures in another order raise nothing.
 */
export const DETECTORS_REVISION = 2;

/** Everything besides the rule set that the detectors read, as data. */
const REFERENCE_DATA = {
  DOC_TYPE_REFERENCE,
  LEVEL_REFERENCE,
  MINISTRY_REFERENCE,
  PROVINCE_REFERENCE,
  BUSINESS_CONDITION_SETS,
  CONDITIONAL_SECTORS,
  FEE_AUTHORITIES,
  FEE_EXEMPTIONS,
  PROVINCIAL_FEE_LINES,
  BUSINESS_CONDITION_MANDATES,
  PROCEDURE_MANDATES,
  UNIT_CHANGES,
  REFORM_PROGRAMS,
};

/** FNV-1a, 32 bits, from a given start: a change detector, not a seal (nothing here is kept from anyone). */
function fnv1a(text: string, start: number): string {
  let hash = start >>> 0;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

const fingerprints = new WeakMap<RuleSet, string>();

/** "rules-2026@2#3f9c…": the rule set's tag and 64 bits of what it and the data it applies are. */
export function reviewFingerprint(ruleSet: RuleSet): string {
  const known = fingerprints.get(ruleSet);
  if (known) return known;
  const text = JSON.stringify({ ruleSet, referenceData: REFERENCE_DATA, detectors: DETECTORS_REVISION });
  const fingerprint = `${ruleSetTag(ruleSet)}#${fnv1a(text, 0x811c9dc5)}${fnv1a(text, 0x01000193)}`;
  fingerprints.set(ruleSet, fingerprint);
  return fingerprint;
}
