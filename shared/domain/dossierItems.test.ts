// «01 bản chính và 01 bản sao» (issue 22): a dossier item counts its originals and certified copies apart from its
// plain copies, and every printed line and review rule reads them so; an item of an earlier version keeps its one count.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { componentLines } from './componentText';
import { copiesText, copyKindsOf } from './dossierItems';
import { reviewRegulation } from './review/findings';
import type { ReviewSubject } from './review/detectors';

describe('a dossier item\'s originals and copies', () => {
  it('prints «01 bản chính, 01 bản sao» where it printed «02 bản»', () => {
    expect(componentLines({ dossier: [{ item: 'Giấy chứng nhận đăng ký kinh doanh', copies: 2, originals: 1 }] }, 'dossier')).toEqual(['Giấy chứng nhận đăng ký kinh doanh (01 bản chính, 01 bản sao)']);
    expect(componentLines({ dossier: [{ item: 'Bản sao giấy chứng nhận', copies: 1, certifiedCopies: 1 }] }, 'dossier')).toEqual(['Bản sao giấy chứng nhận (01 bản sao chứng thực)']);
  });

  it('keeps an earlier record\'s one count as it was', () => {
    expect(componentLines({ dossier: [{ item: 'Tờ khai', copies: 2 }] }, 'dossier')).toEqual(['Tờ khai (02 bản)']);
    expect(copyKindsOf({ item: 'Tờ khai', copies: 2 })).toBeNull();
  });

  it('adds up to the item\'s count, each kind printed once', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 5 }), (originals, certifiedCopies, plain) => {
        fc.pre(originals + certifiedCopies + plain > 0);
        const entry = { item: 'Giấy tờ', copies: originals + certifiedCopies + plain, originals, certifiedCopies };
        expect(copyKindsOf(entry)).toEqual({ originals, certifiedCopies, plainCopies: plain });
        const counted = copiesText(entry)
          .split(', ')
          .map((part) => Number(/^(\d+)/.exec(part)?.[1]));
        expect(counted.reduce((sum, count) => sum + count, 0)).toBe(entry.copies);
      }),
    );
  });
});

describe('R16 (certified copy) reads the count of certified copies', () => {
  const subject = (dossier: ReviewSubject['components']['dossier']): ReviewSubject => ({ id: 'r', kind: 'tthc', change: 'new', name: 'Cấp giấy phép bán lẻ rượu', components: { dossier } });
  const r16 = (entry: ReviewSubject) =>
    reviewRegulation(entry, 'nghi_dinh', '2025-09-15', { draft: { draftingAgency: 'Bộ Công Thương', legalBasis: ['Luật Thương mại số 36/2005/QH11'] } }).findings.filter((finding) => finding.rule === 'R16');

  it('asks to drop a certified copy the item counts, whatever its name says', () => {
    const [finding] = r16(subject([{ item: 'Hợp đồng thuê địa điểm bán rượu', copies: 1, certifiedCopies: 1 }]));
    expect(finding?.quote).toEqual(['Hợp đồng thuê địa điểm bán rượu (01 bản sao chứng thực)']);
  });

  it('says nothing of an original with a plain copy', () => {
    expect(r16(subject([{ item: 'Hợp đồng thuê địa điểm bán rượu', copies: 2, originals: 1 }]))).toEqual([]);
  });
});
