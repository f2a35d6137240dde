// `tthc signers`: the persons who sign this agency's documents (shared/domain/signers.ts) — listed, added, removed.
import { DOCUMENT_KINDS, DOCUMENT_NAMES, type DocumentKind } from '../../shared/domain/documentSenders';
import { mandateLine, parseMandate, signerId, type AgencySigners, type SigningMandate } from '../../shared/domain/signers';
import { call, CliFailure, parseOptions, withBackend, type Command } from './cliSupport';

export const SIGNERS_USAGE = `  signers [--agency A]                      người ký văn bản của cơ quan (mặc định: cơ quan của máy này)
  signers add --name TÊN --position CHỨC_VỤ [--mandate "KT. Bộ trưởng"]… [--default LOẠI,…] [--agency A]
                                            thêm người ký; --mandate: TM., KT., TL., TUQ. (tối đa hai dòng, dòng ngoài trước);
                                            --default: loại văn bản người này ký nếu không chỉ định --signer
                                            (${DOCUMENT_KINDS.join(', ')})
  signers remove ID [--agency A]            bỏ người ký`;

const USAGE = `Cách dùng:\n${SIGNERS_USAGE}`;

const isDocumentKind = (text: string): text is DocumentKind => (DOCUMENT_KINDS as readonly string[]).includes(text);

function describe(signers: AgencySigners): string[] {
  if (signers.persons.length === 0) return [`${signers.agency} chưa có người ký nào. Thêm bằng: tthc signers add --name … --position …`];
  return [
    `Người ký văn bản của ${signers.agency}:`,
    ...signers.persons.map((person) => {
      const kinds = DOCUMENT_KINDS.filter((kind) => signers.defaults[kind] === person.id).map((kind) => DOCUMENT_NAMES[kind]);
      const titles = [...person.mandates.map(mandateLine), person.position].join(' / ');
      return `  ${person.id}\t${person.name}\t${titles}${kinds.length > 0 ? `\tký mặc định: ${kinds.join('; ')}` : ''}`;
    }),
  ];
}

export const signersCommand: Command = async (args, { databasePath, io }) => {
  const [action, ...rest] = args[0] === 'add' || args[0] === 'remove' ? args : ['list', ...args];
  const { values, positionals } = parseOptions(
    rest,
    {
      agency: { type: 'string' },
      name: { type: 'string' },
      position: { type: 'string' },
      mandate: { type: 'string', multiple: true },
      default: { type: 'string' },
    },
    USAGE,
  );
  const result = await withBackend(databasePath, async (backend) => {
    const current = await call(backend, 'getSigners', { agency: values.agency });
    if (action === 'list') return current;
    if (action === 'remove') {
      const id = positionals[0];
      if (!id || !current.persons.some((person) => person.id === id)) throw new CliFailure(`Không có người ký mã «${id ?? ''}» của ${current.agency}.`, [], 2);
      const defaults = Object.fromEntries(Object.entries(current.defaults).filter(([, signer]) => signer !== id));
      return call(backend, 'saveSigners', { ...current, persons: current.persons.filter((person) => person.id !== id), defaults });
    }
    if (!values.name?.trim() || !values.position?.trim()) throw new CliFailure(`Thiếu --name hoặc --position.\n${USAGE}`, [], 2);
    const mandates = (values.mandate ?? []).map((text): SigningMandate => {
      const mandate = parseMandate(text);
      if (!mandate) throw new CliFailure(`--mandate «${text}» phải bắt đầu bằng TM., KT., TL. hoặc TUQ. (ví dụ "KT. Bộ trưởng").`, [], 2);
      return mandate;
    });
    const kinds = (values.default ?? '').split(',').map((kind) => kind.trim()).filter(Boolean);
    const unknown = kinds.filter((kind) => !isDocumentKind(kind));
    if (unknown.length > 0) throw new CliFailure(`--default: không có loại văn bản ${unknown.join(', ')}; chỉ nhận ${DOCUMENT_KINDS.join(', ')}.`, [], 2);
    const id = signerId(values.name, current.persons.map((person) => person.id));
    const person = { id, name: values.name.trim(), position: values.position.trim(), mandates };
    const defaults = { ...current.defaults, ...Object.fromEntries(kinds.map((kind) => [kind, id])) };
    return call(backend, 'saveSigners', { ...current, persons: [...current.persons, person], defaults });
  });
  for (const line of describe(result)) io.out(line);
};
