// The period report as Markdown: the title, VPCP's paragraphs, and the figures of the period beside the year to date.
import { formatFigure, type PeriodReportDocument } from '../../shared/domain/periodReportTable';

export const MARKDOWN_MIME = 'text/markdown; charset=utf-8';

/** A cell must not end the table row early. */
const cell = (text: string): string => text.replace(/\|/g, '\\|');

export function renderPeriodReportMarkdown(document: PeriodReportDocument): string {
  const { headers, rows } = document;
  const table = [
    `| ${cell(headers.indicator)} | ${cell(headers.inPeriod)} | ${cell(headers.yearToDate)} |`,
    '| :--- | ---: | ---: |',
    ...rows.map((row) =>
      row.kind === 'heading'
        ? `| **${cell(row.label)}** | | |`
        : `| ${row.indent > 0 ? '&emsp;– ' : ''}${cell(row.label)} | ${formatFigure(row, row.period)} | ${formatFigure(row, row.yearToDate)} |`,
    ),
  ];
  return [`# ${document.title}`, `**${document.period}**`, ...document.paragraphs, `## ${document.figuresTitle}`, table.join('\n')].join('\n\n') + '\n';
}
