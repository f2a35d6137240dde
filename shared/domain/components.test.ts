import { describe, expect, it } from 'vitest';
import { COMPONENT_RULES, missingComponents, requiredComponents, setsProceduresOnlyWhenDelegated } from './components';
import { DOC_TYPES } from './vocabulary';

describe('Điều 8: which components a document of each type must set', () => {
  it('has a rule for every document type', () => {
    expect(Object.keys(COMPONENT_RULES).sort()).toEqual([...DOC_TYPES].sort());
  });

  it('asks a Government resolution for the same components as a decree: the core, not the filing method', () => {
    expect(requiredComponents('nghi_quyet_cp')).toEqual(requiredComponents('nghi_dinh'));
    expect(requiredComponents('nghi_quyet_cp')).not.toContain('methods');
  });

  it.each(['nghi_quyet_hdnd_xa', 'quyet_dinh_ubnd_xa'] as const)('asks a commune document (%s) for every component, and only where delegated', (docType) => {
    expect(requiredComponents(docType)).toEqual(requiredComponents('nghi_quyet_hdnd'));
    expect(requiredComponents(docType)).toContain('methods');
    expect(setsProceduresOnlyWhenDelegated(docType)).toBe(true);
    expect(setsProceduresOnlyWhenDelegated('nghi_quyet_hdnd')).toBe(false);
  });

  it('reports what a commune resolution still lacks', () => {
    const regulation = { name: 'Hỗ trợ chi phí khám sức khỏe', components: { steps: ['Nộp đơn'], timeLimitDays: 5 } };
    expect(missingComponents('nghi_quyet_hdnd_xa', regulation)).toEqual(['methods', 'dossier', 'subjects', 'agency', 'result']);
    expect(missingComponents('nghi_quyet_cp', regulation)).toEqual(['dossier', 'subjects', 'agency', 'result']);
  });
});
