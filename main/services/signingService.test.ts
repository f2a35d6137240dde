// The "Ký số" contract: the desktop's main process and the web host sign through it, with a PKCS#12 file sent for
// the call or the token the host is set up with (TTHC_PKCS11_LIBRARY); errors come back as Vietnamese invalid_input.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderOpinionLetterPdf } from '../export/opinionLetterPdf';
import { toExportedFile } from '../export/exportedFile';
import type { ExportedFile } from '../../shared/contract/files';
import type { SigningOutcome } from '../../shared/contract/signingApi';
import { sampleOpinionLetter } from '../../test/fixtures/sampleOpinionLetter';
import { makeTestPki, requireSigningTools, SLOW, type TestPki } from '../../test/fixtures/signingPki';
import { rejection } from '../../test/unit/apiRejection';
import { createTestApi } from '../../test/unit/helpers';
import { certificatesFromFile } from '../signing/certificates';
import { verifyPdfSignatures } from '../signing/verifyPdf';
import { tokenSetup } from './signingService';

const toolsPresent = requireSigningTools();
const directory = mkdtempSync(join(tmpdir(), 'tthc-sign-api-'));
let pki: TestPki;
/** Printed for the officer whose certificate signs it (Nguyễn Văn An). */
let letter: ExportedFile;
/** Printed for Trần Văn Bình, signed here with Nguyễn Văn An's certificate. */
let othersLetter: ExportedFile;

/**
 * The service's answer checked by our own verification: the signed bytes hash to the signed digest, the signature
 * covers the whole file and the signer chains to the test CA. poppler's pdfsig judges what signPdfDocument writes in
 * main/signing/signPdf.test.ts, where it and this check are shown to agree; here the point is the API around it.
 */
async function signatureOf(base64: string) {
  const checks = await verifyPdfSignatures(Buffer.from(base64, 'base64'), certificatesFromFile(readFileSync(pki.rootCertificateFile)));
  return checks.map(({ commonName, intact, coversWholeFile, chainsToAnchor }) => ({ commonName, intact, coversWholeFile, chainsToAnchor }));
}
const signedBase64 = (answer: SigningOutcome): string => {
  if (answer.outcome !== 'signed') throw new Error(`not signed: ${JSON.stringify(answer)}`);
  return answer.base64;
};
const VALID_BY_OFFICER = [{ commonName: 'Nguyễn Văn An', intact: true, coversWholeFile: true, chainsToAnchor: true }];

beforeAll(async () => {
  if (!toolsPresent) return;
  pki = makeTestPki(directory);
  process.env.SOFTHSM2_CONF = pki.token.config;
  letter = toExportedFile('Ý kiến thẩm tra - Nghị định vận tải', 'pdf', await renderOpinionLetterPdf({ ...sampleOpinionLetter, signature: { ...sampleOpinionLetter.signature, signer: 'Nguyễn Văn An' } }));
  othersLetter = toExportedFile('Ý kiến thẩm tra - Nghị định vận tải', 'pdf', await renderOpinionLetterPdf(sampleOpinionLetter));
}, 60_000);

afterAll(() => {
  delete process.env.TTHC_PKCS11_LIBRARY;
  rmSync(directory, { recursive: true, force: true });
});

describe('tokenSetup', () => {
  it('is the host’s setting, with a slot only when it is a whole number', () => {
    expect(tokenSetup({})).toBeNull();
    expect(tokenSetup({ TTHC_PKCS11_LIBRARY: '  ' })).toBeNull();
    expect(tokenSetup({ TTHC_PKCS11_LIBRARY: 'C:\\Windows\\System32\\token.dll', TTHC_PKCS11_SLOT: '1' })).toEqual({ library: 'C:\\Windows\\System32\\token.dll', slot: 1 });
    expect(tokenSetup({ TTHC_PKCS11_LIBRARY: '/usr/lib/x.so', TTHC_PKCS11_SLOT: 'một' })).toEqual({ library: '/usr/lib/x.so', slot: null });
  });
});

describe.skipIf(!toolsPresent)('signPdf', SLOW, () => {
  it('signs an exported letter with a PKCS#12 file and names the copy as signed', async () => {
    const { api } = await createTestApi();
    const credential = { kind: 'pkcs12' as const, fileBase64: readFileSync(pki.officerPkcs12).toString('base64'), password: pki.officerPassword };
    const signed = await api.signPdf({ file: letter, credential });
    expect(signed).toMatchObject({ outcome: 'signed', fileName: 'Ý kiến thẩm tra - Nghị định vận tải (đã ký số).pdf', mimeType: 'application/pdf', commonName: 'Nguyễn Văn An', visible: true });
    expect(await signatureOf(signedBase64(signed))).toEqual(VALID_BY_OFFICER);
  });

  it('asks before signing a letter printed for another person than the certificate’s holder, and signs once confirmed', async () => {
    const { api } = await createTestApi();
    const credential = { kind: 'pkcs12' as const, fileBase64: readFileSync(pki.officerPkcs12).toString('base64'), password: pki.officerPassword };
    expect(await api.signPdf({ file: othersLetter, credential })).toEqual({ outcome: 'confirmSigner', printedSigner: 'Trần Văn Bình', certificateHolder: 'Nguyễn Văn An' });
    // On the token too: the check is the service's, whatever holds the key.
    process.env.TTHC_PKCS11_LIBRARY = pki.token.library;
    try {
      expect(await api.signPdf({ file: othersLetter, credential: { kind: 'pkcs11', pin: pki.token.pin } })).toMatchObject({ outcome: 'confirmSigner', printedSigner: 'Trần Văn Bình' });
      // The agency's seal is signed with the organisation's certificate, which names no person: nothing to ask.
      expect(await api.signPdf({ file: othersLetter, credential: { kind: 'pkcs11', pin: pki.token.pin }, role: 'agency' })).toMatchObject({ outcome: 'signed' });
    } finally {
      delete process.env.TTHC_PKCS11_LIBRARY;
    }
    const confirmed = await api.signPdf({ file: othersLetter, credential, acceptOtherSigner: true });
    expect(confirmed).toMatchObject({ outcome: 'signed', commonName: 'Nguyễn Văn An' });
    expect(await signatureOf(signedBase64(confirmed))).toEqual(VALID_BY_OFFICER);
  });

  it('signs with the host’s token once it is set up, and says how to set it up before', async () => {
    const { api } = await createTestApi();
    delete process.env.TTHC_PKCS11_LIBRARY;
    expect(await api.signingSetup({})).toEqual({ token: null });
    const refused = await rejection(api.signPdf({ file: letter, credential: { kind: 'pkcs11', pin: pki.token.pin } }));
    expect([refused.code, refused.message]).toEqual(['invalid_input', expect.stringContaining('TTHC_PKCS11_LIBRARY')]);

    process.env.TTHC_PKCS11_LIBRARY = pki.token.library;
    expect(await api.signingSetup({})).toEqual({ token: { library: pki.token.library, slot: null } });
    const signed = await api.signPdf({ file: letter, credential: { kind: 'pkcs11', pin: pki.token.pin }, role: 'agency' });
    expect(await signatureOf(signedBase64(signed))).toEqual(VALID_BY_OFFICER);
    const wrongPin = await rejection(api.signPdf({ file: letter, credential: { kind: 'pkcs11', pin: '000000' } }));
    expect([wrongPin.code, wrongPin.message]).toEqual(['invalid_input', 'Mã PIN không đúng. Lưu ý: nhập sai nhiều lần, token sẽ bị khóa.']);
  });

  it('refuses a file that is not a PDF in words', async () => {
    const { api } = await createTestApi();
    const credential = { kind: 'pkcs12' as const, fileBase64: readFileSync(pki.officerPkcs12).toString('base64'), password: pki.officerPassword };
    const refused = await rejection(api.signPdf({ file: { ...letter, base64: Buffer.from('không phải PDF').toString('base64') }, credential }));
    expect(refused.message).toBe('Tệp không phải tệp PDF đọc được.');
  });
});
