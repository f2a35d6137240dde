// Issue 23, script payloads in every text field: the period report's Markdown wrote an officer's paragraphs as they
// were typed, so «<script>…</script>», «<img onerror=…>» or «[x](javascript:…)» became HTML or a link in whatever
// turns the file into a page (a wiki, a Markdown viewer). Each must come out as the text it was.
import { describe, expect, it } from 'vitest';
import { createTestApi } from '../../test/unit/helpers';
import { markdownText } from './periodReportMarkdown';

const PAYLOADS = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(2)>',
  '"><svg onload=alert(3)>',
  '[liên kết](javascript:alert(4))',
  '![ảnh](javascript:alert(5))',
  '<a href="javascript:alert(6)">bấm</a>',
  '<!-- chú thích --> &lt;b&gt; *nghiêng* _gạch_ `mã` a | b > c \\ d',
  '<https://evil.example>',
];

/** What CommonMark shows of a line: each backslash-escaped punctuation as the character itself. */
const shown = (line: string) => line.replace(/\\([!-/:-@[-`{-~])/g, '$1');

/** Raw HTML (a < before a letter, /, ! or ?), an entity, or a link/image target, outside backslash escapes. */
const markupIn = (line: string) => {
  const unescaped = line.replace(/\\[!-/:-@[-`{-~]/g, '');
  return /<[A-Za-z/!?]/.test(unescaped) || /&[#A-Za-z0-9]+;/.test(unescaped) || /\]\(/.test(unescaped);
};

describe('the period report in Markdown shows an officer’s text as typed', () => {
  it('markdownText leaves nothing that CommonMark reads as HTML, a link or emphasis, and reads back as typed', () => {
    for (const payload of PAYLOADS) {
      const escaped = markdownText(payload);
      expect(markupIn(escaped), escaped).toBe(false);
      expect(shown(escaped)).toBe(payload);
    }
  });

  it('each of the report’s written parts', async () => {
    const { api } = await createTestApi();
    await api.saveProfile({ agency: 'Văn phòng Chính phủ', role: 'reviewer', officerName: 'Nguyễn Văn A' });
    const period = { from: '2024-01-01', to: '2024-12-31' };
    const { version } = await api.periodReportTexts(period);
    const texts = { shortcomings: PAYLOADS.slice(0, 2).join('\n'), causes: PAYLOADS.slice(2, 4).join('\n'), tasks: PAYLOADS.slice(4, 6).join('\n'), recommendations: PAYLOADS.slice(6).join('\n') };
    await api.savePeriodReportTexts({ ...period, texts, version });
    const markdown = Buffer.from((await api.exportPeriodReport({ ...period, format: 'md' })).base64, 'base64').toString('utf8');
    const lines = markdown.split('\n');
    for (const payload of PAYLOADS) {
      const line = lines.find((each) => shown(each) === payload);
      expect(line, `«${payload}» shown as typed`).toBeDefined();
      expect(markupIn(line!), line).toBe(false);
    }
    // The writer's own emphasis stays: the period in bold.
    expect(lines).toContain('**Từ ngày 01/01/2024 đến ngày 31/12/2024**');
  });
});
