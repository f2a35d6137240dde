// The persons who sign an agency's documents, as data (Nghị định 30/2020, Điều 13): each with their name, their
// position (chức vụ) and the authority they sign under — on behalf of a collective body (TM.), in place of the head
// (KT.), by order of the head (TL.), by the head's delegation (TUQ.) — and, per kind of document, who signs it
// unless told otherwise. The signature block is drawn from a person, never from whoever happens to use the machine:
// no officer's name is ever printed under a leader's title, and a document without a signer says so.
import { z } from 'zod';
import './zodVietnamese';
import { DOCUMENT_KINDS, type DocumentKind } from './documentSenders';
import { foldVietnamese } from './textFold';

const line = z.string().trim().min(1, { message: 'không được để trống' }).max(200, { message: 'dài quá 200 ký tự' });

export const SIGNING_AUTHORITIES = ['TM', 'KT', 'TL', 'TUQ'] as const;
export type SigningAuthority = (typeof SIGNING_AUTHORITIES)[number];

/** What each authority means, for lists and help texts. */
export const SIGNING_AUTHORITY_NAMES: Record<SigningAuthority, string> = {
  TM: 'thay mặt tập thể',
  KT: 'ký thay người đứng đầu',
  TL: 'thừa lệnh người đứng đầu',
  TUQ: 'thừa ủy quyền người đứng đầu',
};

/** "KT. Bộ trưởng, Chủ nhiệm": the authority and the office it is exercised for. */
export const signingMandateSchema = z.object({ authority: z.enum(SIGNING_AUTHORITIES), of: line });
export type SigningMandate = z.infer<typeof signingMandateSchema>;

export const signingPersonSchema = z.object({
  /** A short key to name the person on the command line ("tran-van-son"). */
  id: z
    .string()
    .trim()
    .regex(/^[a-z0-9-]{1,60}$/, { message: 'chỉ gồm chữ thường không dấu, chữ số và dấu gạch ngang' }),
  name: line,
  /** Chức vụ: "Phó Chủ nhiệm", "Vụ trưởng Vụ Pháp chế", "Bộ trưởng". */
  position: line,
  /** The lines above the position, outermost first: "TM. Ủy ban nhân dân" then "KT. Chủ tịch"; none when the head signs. */
  mandates: z.array(signingMandateSchema).max(2, { message: 'tối đa hai dòng thẩm quyền (ví dụ TM. và KT.)' }).default([]),
});
export type SigningPerson = z.infer<typeof signingPersonSchema>;

export const agencySignersSchema = z
  .object({
    agency: line,
    persons: z.array(signingPersonSchema).max(100),
    /** Who signs each kind of document unless the officer names someone else. */
    defaults: z.partialRecord(z.enum(DOCUMENT_KINDS), z.string()).default({}),
  })
  .superRefine((signers, ctx) => {
    const ids = new Set<string>();
    signers.persons.forEach((person, index) => {
      if (ids.has(person.id)) ctx.addIssue({ code: 'custom', path: ['persons', index, 'id'], message: `mã người ký «${person.id}» bị trùng` });
      ids.add(person.id);
    });
    for (const [kind, id] of Object.entries(signers.defaults)) {
      if (!ids.has(id)) ctx.addIssue({ code: 'custom', path: ['defaults', kind], message: `không có người ký mã «${id}»` });
    }
  });
export type AgencySigners = z.infer<typeof agencySignersSchema>;

/** The signature block as a document prints it: the title lines in capitals over the signer's name. */
export type SignatureBlock = { titles: string[]; name: string };

/** What stands in the signature column of a document nobody has been chosen to sign. */
export const UNSIGNED_NOTE = '(Chưa có người ký)';

const capitals = (text: string): string => text.toLocaleUpperCase('vi');

export function mandateLine(mandate: SigningMandate): string {
  return `${mandate.authority}. ${mandate.of}`;
}

export function signatureBlock(person: Pick<SigningPerson, 'name' | 'position' | 'mandates'>): SignatureBlock {
  return { titles: [...person.mandates.map(mandateLine), person.position].map(capitals), name: person.name };
}

/** "KT. Bộ trưởng, Chủ nhiệm" → the mandate; undefined when the text does not start with an authority. */
export function parseMandate(text: string): SigningMandate | undefined {
  const match = /^\s*(TM|KT|TL|TUQ)\s*\.\s*(.+?)\s*$/iu.exec(text);
  if (!match?.[1] || !match[2]) return undefined;
  return { authority: match[1].toUpperCase() as SigningAuthority, of: match[2] };
}

/** "Trần Văn Sơn" → "tran-van-son", unique among `taken`. */
export function signerId(name: string, taken: readonly string[]): string {
  const base =
    foldVietnamese(name)
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 50) || 'nguoi-ky';
  let id = base;
  for (let suffix = 2; taken.includes(id); suffix += 1) id = `${base}-${suffix}`;
  return id;
}

/** A person named on the command line by id or by name (case and diacritics aside). */
export function findSigner(signers: AgencySigners | undefined, query: string): SigningPerson | undefined {
  const wanted = foldVietnamese(query.trim());
  return signers?.persons.find((person) => person.id === wanted || foldVietnamese(person.name) === wanted);
}

export function defaultSigner(signers: AgencySigners | undefined, kind: DocumentKind): SigningPerson | undefined {
  const id = signers?.defaults[kind];
  return id === undefined ? undefined : signers?.persons.find((person) => person.id === id);
}

/** Why `query` names nobody who signs for `agency`, with the names that do. */
export function unknownSignerMessage(agency: string, signers: AgencySigners | undefined, query: string): string {
  const known = signers?.persons ?? [];
  if (known.length === 0) {
    return `${agency} chưa có người ký nào trong danh sách; thêm bằng lệnh «tthc signers add --name … --position …» hoặc trong Cài đặt.`;
  }
  const list = known.map((person) => `${person.name} (${person.id})`).join(', ');
  return `Không có người ký «${query.trim()}» trong danh sách người ký của ${agency}: ${list}.`;
}
