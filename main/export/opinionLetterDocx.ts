// The opinion letter as DOCX, laid out as Nghị định 30/2020 (Phụ lục I) draws an administrative letter.
import { Document, PageOrientation, Paragraph, TabStopType } from 'docx';
import { packDocx } from './xmlPackage';
import { ADDRESS_LABEL, printedLetter } from '../../shared/domain/opinionLetter';
import type { OpinionLetter } from '../../shared/domain/opinionLetter';
import {
  documentStyles,
  LINE_SPACING,
  letterheadTable,
  pageNumberHeaders,
  signOffTable,
  SPACED_TWICE,
  textRun,
  twips,
  twipsFromPt,
} from './docxAdministrative';
import * as layout from './letterLayout';
import { headedParagraphs, slateToDocx } from './slateToDocx';
import type { SlateDocxOptions } from './slateToDocx';

/** "Kính gửi:" hangs left of the first recipient; further recipients line up under the first. */
function addressees(recipients: readonly string[]): Paragraph[] {
  const left = twips(layout.RECIPIENTS_INDENT_MM);
  return recipients.map(
    (text, index) =>
      new Paragraph({
        indent: { left, hanging: index === 0 ? twips(layout.KINH_GUI_WIDTH_MM) : 0 },
        tabStops: [{ type: TabStopType.LEFT, position: left }],
        ...(index === 0 ? SPACED_TWICE : {}),
        children: [textRun(index === 0 ? `${ADDRESS_LABEL}\t${text}` : text)],
      }),
  );
}

const BODY: SlateDocxOptions = {
  indent: twips(layout.FIRST_LINE_INDENT_MM),
  spacingBefore: twipsFromPt(layout.PARAGRAPH_SPACING_PT),
  line: LINE_SPACING.line,
};

export async function renderOpinionLetterDocx(opinionLetter: OpinionLetter): Promise<Buffer> {
  const letter = printedLetter(opinionLetter);
  const page = layout.LETTER_PAGE_MM;
  const document = new Document({
    title: letter.subject,
    creator: opinionLetter.issuingBody.name,
    styles: documentStyles(layout.LETTER_SIZES_PT.body),
    sections: [
      {
        properties: {
          page: {
            size: { width: twips(page.width), height: twips(page.height), orientation: PageOrientation.PORTRAIT },
            margin: { top: twips(page.top), bottom: twips(page.bottom), left: twips(page.left), right: twips(page.right) },
          },
          // Nghị định 30 numbers pages from the second one on, at the top centre.
          titlePage: true,
        },
        headers: pageNumberHeaders(),
        children: [
          letterheadTable(letter),
          ...addressees(letter.recipients),
          ...slateToDocx(letter.opening, BODY),
          ...letter.sections.flatMap((section) => headedParagraphs(section.lead, section.body, BODY)),
          // The closing paragraph goes with the signature, so that a page never holds the signature alone.
          ...slateToDocx(letter.closing, { ...BODY, keepNext: true }),
          signOffTable(letter),
        ],
      },
    ],
  });
  return packDocx(document);
}
