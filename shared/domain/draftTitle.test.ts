import { describe, expect, it } from 'vitest';
import { draftPhrase, titleWithoutDraftWord } from './draftTitle';

describe('draftPhrase', () => {
  it.each([
    ['Dự thảo Nghị định quy định về kinh doanh vận tải', 'dự thảo Nghị định quy định về kinh doanh vận tải'],
    ['DỰ THẢO Thông tư hướng dẫn', 'dự thảo Thông tư hướng dẫn'],
    ['dự thảo: Luật Đất đai (sửa đổi)', 'dự thảo Luật Đất đai (sửa đổi)'],
    ['(Dự thảo) Nghị quyết về phí', 'dự thảo Nghị quyết về phí'],
    ['Nghị định quy định điều kiện kinh doanh', 'dự thảo Nghị định quy định điều kiện kinh doanh'],
    ['Dự thảo', 'dự thảo'],
    // Decomposed input (typed on some Macs) is read the same as precomposed.
    ['Dự thảo Nghị định'.normalize('NFD'), 'dự thảo Nghị định'],
  ])('%s → %s', (title, phrase) => {
    expect(draftPhrase(title)).toBe(phrase);
    expect(draftPhrase(title)).not.toMatch(/dự thảo\s+dự thảo/iu);
  });

  it('keeps "dự thảo" that is part of the title further on', () => {
    expect(titleWithoutDraftWord('Nghị định sửa đổi dự thảo cũ')).toBe('Nghị định sửa đổi dự thảo cũ');
  });
});
