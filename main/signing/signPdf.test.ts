// Signing with a throwaway CA: a PKCS#12 file and a SoftHSM token, each signature checked by poppler's pdfsig and by
// our own verification, before and after one byte inside the signed range is changed.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderOpinionLetterPdf } from '../export/opinionLetterPdf';
import { sampleOpinionLetter } from '../../test/fixtures/sampleOpinionLetter';
import { makeTestPki, requireSigningTools, SLOW, type TestPki } from '../../test/fixtures/signingPki';
import { signatureRoomHexDigits } from './cades';
import { certificatesFromFile } from './certificates';
import { pkcs12Signer } from './documentSigner';
import { pkcs11Signer } from './pkcs11Signer';
import { signPdfDocument } from './signPdf';
import { verifyPdfSignatures } from './verifyPdf';

const toolsPresent = requireSigningTools();
const directory = mkdtempSync(join(tmpdir(), 'tthc-sign-'));
let pki: TestPki;
let letter: Buffer;
let signedWithFile: Buffer;
let signedAt: Date;

/** pdfsig's verdict per signature, in file order: "Signature is Valid." or what it found wrong. */
function pdfsig(pdf: Buffer): string[] {
  const file = join(directory, `check-${process.hrtime.bigint()}.pdf`);
  writeFileSync(file, pdf);
  const result = spawnSync('pdfsig', ['-nocert', file], { encoding: 'utf8' });
  rmSync(file);
  // A verdict other than valid carries what pdfsig said on stderr, so a failure on another machine explains itself.
  return [...result.stdout.matchAll(/Signature Validation: (.*)/g)].map((match) => {
    const verdict = match[1]!.trim();
    return verdict === 'Signature is Valid.' || !result.stderr.trim() ? verdict : `${verdict} [pdfsig: ${result.stderr.trim()}]`;
  });
}

/** The /ByteRange of the signature at `index`, as written. */
function byteRange(pdf: Buffer, index: number): [number, number, number, number] {
  const ranges = [...pdf.toString('latin1').matchAll(/\/ByteRange \[(\d+) (\d+) (\d+) (\d+)\]/g)][index]!;
  return ranges.slice(1, 5).map(Number) as [number, number, number, number];
}

/** The byte ranges a signature covers, read from its /ByteRange. */
function signedRanges(pdf: Buffer, index: number): [number, number][] {
  const [a, b, c, d] = byteRange(pdf, index);
  return [
    [a, a + b],
    [c, c + d],
  ];
}

beforeAll(async () => {
  if (!toolsPresent) return;
  pki = makeTestPki(directory);
  process.env.SOFTHSM2_CONF = pki.token.config;
  letter = await renderOpinionLetterPdf(sampleOpinionLetter);
  const signer = pkcs12Signer(readFileSync(pki.officerPkcs12), pki.officerPassword);
  signedAt = new Date();
  signedWithFile = (await signPdfDocument(letter, { signer, signingTime: signedAt })).pdf;
}, 60_000);

afterAll(() => rmSync(directory, { recursive: true, force: true }));

describe.skipIf(!toolsPresent)('signing a PDF with a PKCS#12 file', SLOW, () => {
  it('makes a PAdES signature pdfsig finds valid, over the whole file, and our check agrees', async () => {
    expect(pdfsig(signedWithFile)).toEqual(['Signature is Valid.']);
    const [check] = await verifyPdfSignatures(signedWithFile, certificatesFromFile(readFileSync(pki.rootCertificateFile)));
    expect(check).toMatchObject({ commonName: 'Nguyễn Văn An', organisation: 'Bộ Tư pháp', intact: true, coversWholeFile: true, chainsToAnchor: true });
    // /M keeps whole seconds.
    expect(Math.abs(check!.signingTime!.getTime() - signedAt.getTime())).toBeLessThan(1000);
    expect(signedWithFile.toString('latin1')).toContain('/SubFilter /ETSI.CAdES.detached');
  });

  it('signs any chain: a longer one fits its room and the byte range ends where the file ends, whatever its length', async () => {
    // The same signer carrying a stranger's certificates as well: chains of three and four, of whatever length in DER.
    const officer = pkcs12Signer(readFileSync(pki.officerPkcs12), pki.officerPassword);
    const stranger = pkcs12Signer(readFileSync(pki.strangerPkcs12), pki.officerPassword).chain;
    for (const chain of [[...officer.chain, ...stranger], [...officer.chain, stranger[0]!]]) {
      const signed = (await signPdfDocument(letter, { signer: { ...officer, chain } })).pdf;
      const [, , tailStart, tailLength] = byteRange(signed, 0);
      expect(tailStart + tailLength).toBe(signed.length);
      expect(pdfsig(signed)).toEqual(['Signature is Valid.']);
    }
  });

  it('leaves an even hole of two hex digits a byte for the whole chain and a margin, for chains of any length', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 4000 }), { minLength: 1, maxLength: 6 }), (lengths) => {
        const chain = lengths.map((length) => new Uint8Array(length));
        const digits = signatureRoomHexDigits({ chain } as unknown as Parameters<typeof signatureRoomHexDigits>[0]);
        expect(digits % 2).toBe(0);
        expect(digits).toBeGreaterThanOrEqual(2 * (lengths.reduce((a, b) => a + b, 0) + 2048));
      }),
    );
  });

  it('keeps the original bytes: the signature is an incremental update', () => {
    expect(signedWithFile.subarray(0, letter.length).equals(letter)).toBe(true);
  });

  it('is reported broken by pdfsig and by our check when any one byte inside the signed range changes', async () => {
    const ranges = signedRanges(signedWithFile, 0);
    const position = fc.oneof(...ranges.map(([start, end]) => fc.integer({ min: start, max: end - 1 })));
    await fc.assert(
      fc.asyncProperty(position, fc.integer({ min: 1, max: 255 }), async (at, flip) => {
        const tampered = Buffer.from(signedWithFile);
        tampered[at] = tampered[at]! ^ flip;
        expect(pdfsig(tampered)).not.toContain('Signature is Valid.');
        // A change that leaves the file unreadable as PDF is broken too: nothing verifies.
        const checks = await verifyPdfSignatures(tampered).catch(() => []);
        expect(checks.some((check) => check.intact)).toBe(false);
      }),
      { numRuns: 8 },
    );
  });

  it('does not chain to a CA it was not issued by', async () => {
    const signer = pkcs12Signer(readFileSync(pki.strangerPkcs12), pki.officerPassword);
    const signed = (await signPdfDocument(letter, { signer })).pdf;
    const [check] = await verifyPdfSignatures(signed, certificatesFromFile(readFileSync(pki.rootCertificateFile)));
    expect(check).toMatchObject({ commonName: 'Người Lạ', intact: true, chainsToAnchor: false });
  });

  it('places a visible signature in the room the letter marked under the signer’s titles', async () => {
    const signer = pkcs12Signer(readFileSync(pki.officerPkcs12), pki.officerPassword);
    const signed = await signPdfDocument(letter, { signer });
    expect(signed.visible).toBe(true);
    const rect = signed.pdf.toString('latin1').match(/\/Subtype \/Widget[\s\S]*?\/Rect \[([^\]]+)\]/)?.[1]?.trim().split(/\s+/).map(Number);
    expect(rect).toHaveLength(4);
    const [x1, y1, x2, y2] = rect as [number, number, number, number];
    // In the right-hand signature column of an A4 page (595 pt wide), with height for the image.
    expect(x1).toBeGreaterThan(595 / 2);
    expect(x2).toBeLessThan(595);
    expect(y2 - y1).toBeGreaterThan(40);
  });

  it('refuses a wrong password, an expired certificate and a file that is not PKCS#12, in Vietnamese', () => {
    expect(() => pkcs12Signer(readFileSync(pki.officerPkcs12), 'sai')).toThrow('Mật khẩu của tệp chứng thư số (PKCS#12) không đúng.');
    expect(() => pkcs12Signer(readFileSync(pki.expiredPkcs12), pki.officerPassword)).toThrow(/Chứng thư số của Trần Thị Hết Hạn đã hết hạn ngày 01\/01\/2021/);
    expect(() => pkcs12Signer(letter, pki.officerPassword)).toThrow('Tệp không phải tệp chứng thư số PKCS#12 (.p12, .pfx) đọc được.');
  });
});

describe.skipIf(!toolsPresent)('signing a PDF with a PKCS#11 token (SoftHSM)', SLOW, () => {
  it('signs with the key on the token; pdfsig and our check find it valid and chained to the CA', async () => {
    const signer = await pkcs11Signer({ library: pki.token.library, pin: pki.token.pin });
    let signed: Buffer;
    try {
      expect(signer.chain).toHaveLength(2); // the officer's certificate and the CA's, both found on the token
      signed = (await signPdfDocument(letter, { signer })).pdf;
    } finally {
      await signer.close();
    }
    expect(pdfsig(signed)).toEqual(['Signature is Valid.']);
    const [check] = await verifyPdfSignatures(signed, certificatesFromFile(readFileSync(pki.rootCertificateFile)));
    expect(check).toMatchObject({ commonName: 'Nguyễn Văn An', intact: true, chainsToAnchor: true });
  });

  it('adds the agency’s signature after the signer’s without breaking it', async () => {
    const signer = await pkcs11Signer({ library: pki.token.library, slot: 0, pin: pki.token.pin });
    let twice: Buffer;
    try {
      twice = (await signPdfDocument(signedWithFile, { signer, role: 'agency' })).pdf;
    } finally {
      await signer.close();
    }
    expect(pdfsig(twice)).toEqual(['Signature is Valid.', 'Signature is Valid.']);
    const checks = await verifyPdfSignatures(twice);
    expect(checks.map((check) => [check.intact, check.coversWholeFile])).toEqual([
      [true, false],
      [true, true],
    ]);
  });

  it('says in Vietnamese when the PIN is wrong, the slot or the driver library is missing', async () => {
    await expect(pkcs11Signer({ library: pki.token.library, pin: '000000' })).rejects.toThrow('Mã PIN không đúng.');
    await expect(pkcs11Signer({ library: pki.token.library, slot: 7, pin: pki.token.pin })).rejects.toThrow(/Không có khe 7\. Các khe có token: \d+ \(Token thử\)\./);
    await expect(pkcs11Signer({ library: join(directory, 'khong-co.so'), pin: pki.token.pin })).rejects.toThrow(
      /Không nạp được thư viện điều khiển thiết bị ký số tại .*khong-co\.so/,
    );
  });
});
