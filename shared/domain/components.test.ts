import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { COMPONENT_RULES, componentKeysFor, missingComponents, requiredComponents, setsProceduresOnlyWhenDelegated } from './components';
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

  it('asks a business regulation (QĐKD) for its conditions, never for the steps, dossier, time limit or result of a procedure', () => {
    // Before: every QĐKD read "Thiếu 5 thành phần" (steps, dossier, time limit, subjects, agency, result).
    fc.assert(
      fc.property(fc.constantFrom(...DOC_TYPES), fc.array(fc.string({ minLength: 1 }).filter((text) => text.trim() !== ''), { maxLength: 3 }), (docType, conditions) => {
        const missing = missingComponents(docType, { kind: 'qdkd', name: 'Điều kiện kinh doanh dịch vụ lữ hành', components: { conditions } });
        expect(missing).toEqual(conditions.length === 0 ? ['conditions'] : []);
      }),
    );
    expect(componentKeysFor('qdkd')).not.toContain('steps');
    expect(componentKeysFor('qdkd')).not.toContain('dossier');
    expect(componentKeysFor('qdkd')).not.toContain('result');
    expect(missingComponents('nghi_dinh', { kind: 'tthc', name: 'Cấp giấy phép', components: {} })).toContain('dossier');
  });
});
