import { describe, expect, it } from 'vitest';
import { renderOpinionLetterPdf } from '../export/opinionLetterPdf';
import { sampleOpinionLetter } from '../../test/fixtures/sampleOpinionLetter';
import { printedSignerOf, signerMismatch, signerMismatchWarning } from './printedSigner';

describe('the signer a PDF export printed, against the certificate that signs it', () => {
  it('reads the name printed under the signature back from the letter', async () => {
    expect(await printedSignerOf(await renderOpinionLetterPdf(sampleOpinionLetter))).toBe('Trần Văn Bình');
    const unsigned = { ...sampleOpinionLetter, signature: { position: '', signer: '' } };
    expect(await printedSignerOf(await renderOpinionLetterPdf(unsigned))).toBeUndefined();
    expect(await printedSignerOf(new TextEncoder().encode('không phải PDF'))).toBeUndefined();
  });

  it('is silent for the same person however the certificate writes the name, and warns otherwise', () => {
    for (const holder of ['Trần Văn Bình', 'TRẦN VĂN BÌNH', 'Tran Van Binh', ' Trần  Văn Bình ']) expect(signerMismatchWarning('Trần Văn Bình', holder)).toBeNull();
    expect(signerMismatchWarning(undefined, 'Nguyễn Văn An')).toBeNull();
    expect(signerMismatch('Trần Văn Bình', ' Nguyễn Văn An')).toEqual({ printedSigner: 'Trần Văn Bình', certificateHolder: 'Nguyễn Văn An' });
    expect(signerMismatch('Trần Văn Bình', 'TRAN VAN BINH')).toBeNull();
    expect(signerMismatchWarning('Trần Văn Bình', 'Nguyễn Văn An')).toMatch(/^Cảnh báo: văn bản ghi người ký là «Trần Văn Bình» nhưng chứng thư số dùng để ký là của «Nguyễn Văn An»\./);
  });
});
