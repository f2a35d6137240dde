// `tthc sign` and `tthc verify-signature`: PAdES signatures on exported PDFs, with a PKCS#12 file or a PKCS#11 token.
// Neither opens the database. A password or PIN comes from the environment or is typed without echo, never from the
// command line (where `ps` and the shell history would keep it).
import { extname } from 'node:path';
import type { DocumentSigner } from '../signing/documentSigner';
import { fillSigningMessage, SigningError, signingText } from '../signing/signingErrors';
import { formatVietnameseDate, formatVietnameseDateTime } from '../signing/signingTime';
import type { SignatureCheck } from '../signing/verifyPdf';
import { CliFailure, parseOptions, readFileBytes, writeFileAtomically, type CliIo, type Command, type CommandContext } from './cliSupport';

export const SIGNING_USAGE = `  sign FILE.pdf --out SIGNED.pdf --pkcs12 FILE.p12 | --pkcs11 LIB [--slot N] [--chain CA.pem] [--agency] [--image HÌNH.png] [--seal-size MM]
                                            ký số tệp PDF (PAdES); mật khẩu/PIN lấy từ TTHC_PKCS12_PASSWORD / TTHC_PKCS11_PIN hoặc nhập không hiện
  verify-signature FILE.pdf [--ca GỐC.pem]… kiểm tra chữ ký số: người ký, thời gian, toàn vẹn, chứng thực từ chứng thư gốc`;

/** A prompt that echoes nothing: the terminal in raw mode, read key by key until Enter. */
export const terminalSecretPrompt = (label: string): Promise<string> =>
  new Promise((resolve, reject) => {
    const input = process.stdin;
    process.stderr.write(`${label}: `);
    let typed = '';
    const finish = (error?: Error) => {
      input.setRawMode(false);
      input.pause();
      input.off('data', onData);
      process.stderr.write('\n');
      if (error) reject(error);
      else resolve(typed);
    };
    const onData = (chunk: Buffer) => {
      for (const character of chunk.toString('utf8')) {
        if (character === '\r' || character === '\n') return finish();
        if (character === '\u0003') return finish(new CliFailure('Đã hủy, không có tệp nào được ghi.', [], 130));
        if (character === '\u007f' || character === '\b') typed = [...typed].slice(0, -1).join('');
        else typed += character;
      }
    };
    input.setRawMode(true);
    input.resume();
    input.on('data', onData);
  });

async function secret({ env, io }: CommandContext, variable: string, label: string): Promise<string> {
  const fromEnvironment = env[variable];
  if (fromEnvironment !== undefined) return fromEnvironment;
  if (!io.askSecret) throw new CliFailure(fillSigningMessage(signingText.errors.secretMissing, { secret: label.toLowerCase(), variable }), [], 2);
  return io.askSecret(label);
}

const asCliFailure = (error: unknown): never => {
  if (error instanceof SigningError) throw new CliFailure(error.message);
  throw error;
};

function readImage(path: string | undefined): Uint8Array | undefined {
  if (path === undefined) return undefined;
  const bytes = readFileBytes(path);
  const isPng = bytes[0] === 0x89 && bytes.subarray(1, 4).toString('latin1') === 'PNG';
  const isJpeg = bytes[0] === 0xff && bytes[1] === 0xd8;
  if (!isPng && !isJpeg) throw new CliFailure(`Tệp hình ${path} phải là ảnh PNG (nền trong suốt) hoặc JPEG.`, [], 2);
  return bytes;
}

/** Lines an officer reads for one signature, and whether it holds. */
export function describeSignature(check: SignatureCheck, number: number, trustChecked: boolean): { lines: string[]; holds: boolean } {
  const text = signingText.verify;
  const lines = [fillSigningMessage(text.heading, { number })];
  if (check.commonName) lines.push(fillSigningMessage(text.signer, { name: check.commonName }));
  if (check.organisation) lines.push(fillSigningMessage(text.organisation, { organisation: check.organisation }));
  if (check.signingTime) lines.push(fillSigningMessage(text.time, { time: formatVietnameseDateTime(check.signingTime) }));
  lines.push(check.intact ? text.intact : check.commonName ? text.broken : text.unreadable);
  lines.push(check.coversWholeFile ? text.wholeFile : text.laterChanges);
  const expiredAtSigning = check.certificateNotAfter !== undefined && check.signingTime !== undefined && check.signingTime > check.certificateNotAfter;
  if (expiredAtSigning) lines.push(fillSigningMessage(text.expiredAtSigning, { date: formatVietnameseDate(check.certificateNotAfter!) }));
  else if (check.certificateNotAfter && check.certificateNotAfter < new Date()) lines.push(fillSigningMessage(text.expiredNow, { date: formatVietnameseDate(check.certificateNotAfter) }));
  if (!trustChecked) lines.push(text.notChecked);
  else lines.push(check.chainsToAnchor ? fillSigningMessage(text.trusted, { anchor: check.anchorName ?? '' }) : text.untrusted);
  const holds = check.intact && !expiredAtSigning && (!trustChecked || check.chainsToAnchor === true);
  return { lines, holds };
}

export const signingCommands: Record<string, Command> = {
  async sign(args, context) {
    const io = context.io;
    const { values, positionals } = parseOptions(
      args,
      {
        out: { type: 'string' },
        pkcs12: { type: 'string' },
        pkcs11: { type: 'string' },
        slot: { type: 'string' },
        chain: { type: 'string', multiple: true },
        agency: { type: 'boolean', default: false },
        image: { type: 'string' },
        'seal-size': { type: 'string' },
      },
      SIGNING_USAGE,
    );
    const file = positionals[0];
    if (!file || !values.out) throw new CliFailure(`Thiếu tệp PDF cần ký hoặc --out SIGNED.pdf.\n${SIGNING_USAGE}`, [], 2);
    if ((values.pkcs12 === undefined) === (values.pkcs11 === undefined)) throw new CliFailure('Cần đúng một trong hai: --pkcs12 FILE hoặc --pkcs11 LIB.', [], 2);
    if (extname(values.out).toLowerCase() !== '.pdf') throw new CliFailure('Tệp --out phải có đuôi .pdf.', [], 2);
    const slot = values.slot === undefined ? undefined : Number(values.slot);
    if (slot !== undefined && (!Number.isInteger(slot) || slot < 0)) throw new CliFailure('--slot phải là số nguyên không âm.', [], 2);
    const sealSizeMm = values['seal-size'] === undefined ? undefined : Number(values['seal-size']);
    if (sealSizeMm !== undefined && !(sealSizeMm >= 10 && sealSizeMm <= 80)) throw new CliFailure('--seal-size là đường kính dấu tính bằng mm, từ 10 đến 80.', [], 2);
    // The PDF and cryptography libraries load only here: every other command starts without them (cliStartup.test).
    const [{ certificatesFromFile }, { pkcs12Signer }, { pkcs11Signer }, { signPdfDocument }] = await Promise.all([
      import('../signing/certificates'),
      import('../signing/documentSigner'),
      import('../signing/pkcs11Signer'),
      import('../signing/signPdf'),
    ]);
    const pdf = readFileBytes(file);
    const image = readImage(values.image);
    const extraCertificates = (values.chain ?? []).flatMap((path) => certificatesFromFile(readFileBytes(path)));

    let signer: DocumentSigner;
    if (values.pkcs12 !== undefined) {
      const container = readFileBytes(values.pkcs12);
      const password = await secret(context, 'TTHC_PKCS12_PASSWORD', 'Mật khẩu tệp PKCS#12');
      signer = await Promise.resolve()
        .then(() => pkcs12Signer(container, password))
        .catch(asCliFailure);
    } else {
      const pin = await secret(context, 'TTHC_PKCS11_PIN', 'Mã PIN của token');
      signer = await pkcs11Signer({ library: values.pkcs11!, slot, pin }).catch(asCliFailure);
    }
    const role = values.agency ? 'agency' : 'signer';
    if (extraCertificates.length > 0) signer = { ...signer, chain: [signer.chain[0]!, ...signer.chain.slice(1), ...extraCertificates.filter((der) => !signer.chain.some((known) => Buffer.from(known).equals(der)))] };
    try {
      // Told before the signature is made: the certificate's holder is not the person the document prints as its
      // signer (the same check the app's «Ký số» makes, where the officer confirms instead).
      const { signerMismatchBeforeSigning, signerMismatchWarning } = await import('../signing/printedSigner');
      const mismatch = await signerMismatchBeforeSigning(pdf, signer.chain[0]!, role).catch(asCliFailure);
      if (mismatch) io.err(signerMismatchWarning(mismatch.printedSigner, mismatch.certificateHolder)!);
      const signed = await signPdfDocument(pdf, { signer, role, image, sealSizeMm }).catch(asCliFailure);
      writeFileAtomically(values.out, signed.pdf);
      io.out(`Đã ký số ${file} vào ${values.out}: ${signed.commonName}${signed.organisation ? ` (${signed.organisation})` : ''}, lúc ${formatVietnameseDateTime(signed.signingTime)}.`);
      if (!signed.visible) io.out('Tệp không đánh dấu chỗ ký nên chữ ký số không hiện trên trang (vẫn kiểm tra được bằng phần mềm đọc PDF).');
    } finally {
      await signer.close();
    }
  },

  async 'verify-signature'(args, { io }) {
    const { values, positionals } = parseOptions(args, { ca: { type: 'string', multiple: true } }, SIGNING_USAGE);
    const file = positionals[0];
    if (!file) throw new CliFailure(`Thiếu tệp PDF cần kiểm tra.\n${SIGNING_USAGE}`, [], 2);
    const [{ certificatesFromFile }, { verifyPdfSignatures }] = await Promise.all([import('../signing/certificates'), import('../signing/verifyPdf')]);
    const anchors = (values.ca ?? []).flatMap((path) => certificatesFromFile(readFileBytes(path)));
    const checks = await verifyPdfSignatures(readFileBytes(file), anchors).catch(asCliFailure);
    if (checks.length === 0) throw new CliFailure(signingText.verify.none);
    const described = checks.map((check, index) => describeSignature(check, index + 1, anchors.length > 0));
    for (const { lines } of described) printAll(io, lines);
    // Bytes appended after the last signature are unsigned: a change made after signing, whatever each signature says.
    const lastCoversFile = checks.at(-1)!.coversWholeFile;
    if (!described.every(({ holds }) => holds) || !lastCoversFile) throw new CliFailure(signingText.verify.someBroken);
    io.out(signingText.verify.allGood);
  },
};

function printAll(io: CliIo, lines: string[]): void {
  const [heading, ...rest] = lines;
  io.out(heading!);
  for (const line of rest) io.out(`  ${line}`);
}
