import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderOpinionLetterPdf } from '../export/opinionLetterPdf';
import { sampleOpinionLetter } from '../../test/fixtures/sampleOpinionLetter';
import { makeTestPki, requireSigningTools, SLOW, type TestPki } from '../../test/fixtures/signingPki';
import { runCli } from './cli';
import type { CliIo } from './cliSupport';

const toolsPresent = requireSigningTools();
const directory = mkdtempSync(join(tmpdir(), 'tthc-cli-sign-'));
let pki: TestPki;
const letterFile = join(directory, 'cong-van.pdf');
const othersLetterFile = join(directory, 'cong-van-nguoi-khac-ky.pdf');

function capture(askSecret?: CliIo['askSecret']) {
  const lines = { out: [] as string[], err: [] as string[] };
  const io: CliIo = { out: (line) => lines.out.push(line), err: (line) => lines.err.push(line), ...(askSecret ? { askSecret } : {}) };
  return { io, lines };
}

async function run(args: string[], env: NodeJS.ProcessEnv = {}, askSecret?: CliIo['askSecret']) {
  const { io, lines } = capture(askSecret);
  const code = await runCli(['--db', join(directory, 'unused.sqlite'), ...args], io, { SOFTHSM2_CONF: pki.token.config, ...env });
  return { code, out: lines.out.join('\n'), err: lines.err.join('\n') };
}

beforeAll(async () => {
  if (!toolsPresent) return;
  pki = makeTestPki(directory);
  process.env.SOFTHSM2_CONF = pki.token.config;
  // Printed with the officer whose certificate signs it; othersLetterFile names someone else under the signature.
  writeFileSync(letterFile, await renderOpinionLetterPdf({ ...sampleOpinionLetter, signature: { ...sampleOpinionLetter.signature, signer: 'Nguyễn Văn An' } }));
  writeFileSync(othersLetterFile, await renderOpinionLetterPdf(sampleOpinionLetter));
}, 60_000);

afterAll(() => rmSync(directory, { recursive: true, force: true }));

describe.skipIf(!toolsPresent)('tthc sign and tthc verify-signature', SLOW, () => {
  it('signs with a PKCS#12 file whose password comes from the environment, and verifies it against the CA', async () => {
    const out = join(directory, 'da-ky.pdf');
    const signed = await run(['sign', letterFile, '--out', out, '--pkcs12', pki.officerPkcs12], { TTHC_PKCS12_PASSWORD: pki.officerPassword });
    expect(signed.err).toBe('');
    expect(signed.code).toBe(0);
    expect(signed.out).toMatch(/^Đã ký số .* vào .*da-ky\.pdf: Nguyễn Văn An \(Bộ Tư pháp\), lúc \d{2}:\d{2}:\d{2} ngày \d{2}\/\d{2}\/\d{4}\.$/);
    expect(spawnSync('pdfsig', ['-nocert', out], { encoding: 'utf8' }).stdout).toContain('Signature Validation: Signature is Valid.');
    // Written whole under a temporary name, then renamed: nothing else is left beside it.
    expect(readdirSync(directory).filter((name) => name.endsWith('.tmp'))).toEqual([]);

    const verified = await run(['verify-signature', out, '--ca', pki.rootCertificateFile]);
    expect(verified.code).toBe(0);
    expect(verified.out).toContain('Người ký: Nguyễn Văn An');
    expect(verified.out).toContain('Cơ quan, tổ chức: Bộ Tư pháp');
    expect(verified.out).toMatch(/Thời gian ký: \d{2}:\d{2}:\d{2} ngày \d{2}\/\d{2}\/\d{4} \(giờ Việt Nam\)/);
    expect(verified.out).toContain('Toàn vẹn: nội dung đã ký còn nguyên vẹn.');
    expect(verified.out).toContain('Chứng thư số: hợp lệ, chứng thực bởi CA Thử nghiệm gốc.');
    expect(verified.out).toContain('Kết luận: mọi chữ ký số hợp lệ.');
  });

  // Issue 19 (hand edits): a letter printed for «Trần Văn Bình» was signed with Nguyễn Văn An's certificate without a word.
  it("warns in Vietnamese before signing when the certificate's holder is not the signer the document prints", async () => {
    const out = join(directory, 'nguoi-khac-ky.pdf');
    const signed = await run(['sign', othersLetterFile, '--out', out, '--pkcs12', pki.officerPkcs12], { TTHC_PKCS12_PASSWORD: pki.officerPassword });
    expect(signed.err).toBe(
      'Cảnh báo: văn bản ghi người ký là «Trần Văn Bình» nhưng chứng thư số dùng để ký là của «Nguyễn Văn An». ' +
        'Chữ ký số sẽ mang tên người giữ chứng thư; nếu không đúng người ký, hãy dùng chứng thư (token, tệp PKCS#12) của người ký hoặc lập lại văn bản với đúng người ký.',
    );
    expect(signed.code).toBe(0);
    expect(signed.out).toMatch(/^Đã ký số .*: Nguyễn Văn An \(Bộ Tư pháp\)/);
    // The agency's signature (its seal, with the organisation's certificate) names no person: no warning.
    const sealed = await run(['sign', othersLetterFile, '--out', join(directory, 'dau-co-quan.pdf'), '--pkcs12', pki.officerPkcs12, '--agency'], { TTHC_PKCS12_PASSWORD: pki.officerPassword });
    expect([sealed.code, sealed.err]).toEqual([0, '']);
  });

  it('reports a changed byte as broken, with a non-zero exit, as pdfsig does', async () => {
    const out = join(directory, 'bi-sua.pdf');
    await run(['sign', letterFile, '--out', out, '--pkcs12', pki.officerPkcs12], { TTHC_PKCS12_PASSWORD: pki.officerPassword });
    const bytes = readFileSync(out);
    const at = bytes.indexOf('/Type /Page');
    bytes[at + 1] = bytes[at + 1]! ^ 0x20; // "/type": one letter's case, inside the first signed range
    writeFileSync(out, bytes);
    expect(spawnSync('pdfsig', ['-nocert', out], { encoding: 'utf8' }).stdout).not.toContain('Signature is Valid.');
    const verified = await run(['verify-signature', out]);
    expect(verified.code).toBe(1);
    expect(verified.out).toContain('Toàn vẹn: HỎNG');
    expect(verified.err).toBe('Lỗi: Kết luận: có chữ ký số không hợp lệ.');
  });

  it('reports a signature not chained to the given CA as not valid', async () => {
    const out = join(directory, 'nguoi-la.pdf');
    await run(['sign', letterFile, '--out', out, '--pkcs12', pki.strangerPkcs12], { TTHC_PKCS12_PASSWORD: pki.officerPassword });
    const verified = await run(['verify-signature', out, '--ca', pki.rootCertificateFile]);
    expect(verified.code).toBe(1);
    expect(verified.out).toContain('Chứng thư số: KHÔNG chứng thực được từ chứng thư gốc đã cho.');
  });

  it('signs with the token, asking for the PIN without echo when the environment has none', async () => {
    const out = join(directory, 'token.pdf');
    const asked: string[] = [];
    const signed = await run(['sign', letterFile, '--out', out, '--pkcs11', pki.token.library, '--slot', '0'], {}, async (label) => {
      asked.push(label);
      return pki.token.pin;
    });
    expect(signed.code).toBe(0);
    expect(asked).toEqual(['Mã PIN của token']);
    const verified = await run(['verify-signature', out, '--ca', pki.rootCertificateFile]);
    expect(verified.code).toBe(0);
  });

  it('explains a wrong PIN, a missing library, a missing password and an expired certificate in one Vietnamese line', async () => {
    const out = join(directory, 'khong-ky.pdf');
    const wrongPin = await run(['sign', letterFile, '--out', out, '--pkcs11', pki.token.library], { TTHC_PKCS11_PIN: '000000' });
    expect([wrongPin.code, wrongPin.err]).toEqual([1, 'Lỗi: Mã PIN không đúng. Lưu ý: nhập sai nhiều lần, token sẽ bị khóa.']);
    const noLibrary = await run(['sign', letterFile, '--out', out, '--pkcs11', '/khong/co/thu-vien.so'], { TTHC_PKCS11_PIN: pki.token.pin });
    expect(noLibrary.err).toMatch(/^Lỗi: Không nạp được thư viện điều khiển thiết bị ký số tại \/khong\/co\/thu-vien\.so\./);
    const noPassword = await run(['sign', letterFile, '--out', out, '--pkcs12', pki.officerPkcs12]);
    expect(noPassword.code).toBe(2);
    expect(noPassword.err).toContain('TTHC_PKCS12_PASSWORD');
    const expired = await run(['sign', letterFile, '--out', out, '--pkcs12', pki.expiredPkcs12], { TTHC_PKCS12_PASSWORD: pki.officerPassword });
    expect(expired.err).toMatch(/(^|\n)Lỗi: Chứng thư số của Trần Thị Hết Hạn đã hết hạn ngày 01\/01\/2021/);
    for (const result of [wrongPin, noLibrary, noPassword, expired]) expect(result.err).not.toMatch(/\bat \w|Error|CKR_/);
    expect(existsSync(out)).toBe(false);
  });

  it('takes no password on the command line', async () => {
    const result = await run(['sign', letterFile, '--out', join(directory, 'x.pdf'), '--pkcs12', pki.officerPkcs12, '--password', 'abc']);
    expect(result.code).toBe(2);
  });
});
