// The TTHC part of a Báo cáo thẩm định as DOCX, in the report's own style (Nghị định 30/2020, Phụ lục I: A4, Times
// New Roman 14, justified, first-line indent, 6 pt between paragraphs), so that it is set into the report as it is:
// its heading is the report's Roman-numbered part in bold capitals, its items numbered 1., 2., … under it.
import { AlignmentType, Document, PageOrientation, Paragraph } from 'docx';
import { printedAppraisalReportSection, type AppraisalReportSection } from '../../shared/domain/appraisalReportSection';
import { documentStyles, LINE_SPACING, pageNumberHeaders, run, SPACED, twips, twipsFromPt } from './docxAdministrative';
import * as layout from './letterLayout';
import { headedParagraphs, slateToDocx, type SlateDocxOptions } from './slateToDocx';
import { packDocx } from './xmlPackage';

const BODY: SlateDocxOptions = {
  indent: twips(layout.FIRST_LINE_INDENT_MM),
  spacingBefore: twipsFromPt(layout.PARAGRAPH_SPACING_PT),
  line: LINE_SPACING.line,
};

export async function renderAppraisalReportSectionDocx(report: AppraisalReportSection, title: string, creator: string): Promise<Buffer> {
  const part = printedAppraisalReportSection(report);
  const page = layout.LETTER_PAGE_MM;
  const heading = new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: BODY.indent },
    spacing: { ...SPACED.spacing, line: LINE_SPACING.line, lineRule: LINE_SPACING.lineRule },
    keepNext: true,
    children: [run(part.heading, { size: layout.LETTER_SIZES_PT.body, bold: true })],
  });
  const document = new Document({
    title,
    creator,
    styles: documentStyles(layout.LETTER_SIZES_PT.body),
    sections: [
      {
        properties: {
          page: {
            size: { width: twips(page.width), height: twips(page.height), orientation: PageOrientation.PORTRAIT },
            margin: { top: twips(page.top), bottom: twips(page.bottom), left: twips(page.left), right: twips(page.right) },
          },
          titlePage: true,
        },
        headers: pageNumberHeaders(),
        children: [
          heading,
          ...slateToDocx(part.opening, BODY),
          ...part.sections.flatMap((section) => headedParagraphs(section.lead, section.body, BODY)),
          ...slateToDocx(part.closing, BODY),
        ],
      },
    ],
  });
  return packDocx(document);
}
