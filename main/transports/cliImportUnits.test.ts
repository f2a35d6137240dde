// Issue 18 item 4: `tthc import` of a dossier naming a unit or level gone on the draft's date imports it as written
// (old records keep their values) but warns: a ministry merged on 01/03/2025, district level after 01/07/2025.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Dossier } from '../../shared/domain/dossier';
import { civilStatusDossier } from '../../test/fixtures/civilStatusDossier';
import { runCli } from './cli';

async function importDossier(dossier: Dossier) {
  const dir = mkdtempSync(join(tmpdir(), 'tthc-cli-units-'));
  const file = join(dir, 'ho-so.json');
  writeFileSync(file, JSON.stringify(dossier));
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(['--db', join(dir, 'x.sqlite'), 'import', file], { out: (line) => out.push(line), err: (line) => err.push(line) });
  return { code, out, err };
}

/** The fixture's first draft, dated by one step on `day`, with the agency and its regulations' level given. */
function dossierOn(day: string, draftingAgency: string, level: 'district' | 'commune'): Dossier {
  const dossier = civilStatusDossier() as unknown as Dossier;
  const [draft] = dossier.drafts;
  return {
    ...dossier,
    drafts: [
      {
        ...draft!,
        draftingAgency,
        issuedAt: null,
        status: 'assessed',
        events: [{ at: `${day}T09:00:00+07:00`, action: 'complete_assessment', actor: 'Nguyễn Văn A', role: 'drafter', note: '' }],
        regulations: draft!.regulations.map((regulation) => ({ ...regulation, level })),
      },
    ],
  };
}

describe('tthc import warns of units and levels gone on the draft’s date', () => {
  it('names a merged ministry with its successor and a district-level procedure after 01/07/2025, and still imports', async () => {
    const result = await importDossier(dossierOn('2025-09-15', 'Bộ Giao thông vận tải', 'district'));
    expect(result.code).toBe(0);
    const warnings = result.err.filter((line) => line.startsWith('Cảnh báo:'));
    expect(warnings.some((line) => line.includes('«Bộ Giao thông vận tải» không còn vào ngày 15/09/2025') && line.includes('nay là Bộ Xây dựng'))).toBe(true);
    expect(warnings.filter((line) => line.includes('cấp huyện không còn vào ngày 15/09/2025'))).toHaveLength(civilStatusDossier().drafts[0]!.regulations.length);
  });

  it('names a merged province inside an implementing agency with the province it went into', async () => {
    const dossier = dossierOn('2025-09-15', 'Bộ Tư pháp', 'commune');
    const [draft] = dossier.drafts;
    const [regulation] = draft!.regulations;
    const withAgency = { ...dossier, drafts: [{ ...draft!, regulations: [{ ...regulation!, components: { ...regulation!.components, agency: 'Sở Tư pháp tỉnh Hà Giang' } }] }] };
    const result = await importDossier(withAgency);
    expect(result.code).toBe(0);
    const warnings = result.err.filter((line) => line.startsWith('Cảnh báo:'));
    expect(warnings.filter((line) => line.includes('«Sở Tư pháp tỉnh Hà Giang» nêu tỉnh Hà Giang, không còn vào ngày 15/09/2025') && line.includes('nay là tỉnh Tuyên Quang'))).toHaveLength(1);
  });

  it('says nothing of a draft whose units and levels existed on its date', async () => {
    const result = await importDossier(dossierOn('2024-05-10', 'Bộ Giao thông vận tải', 'district'));
    expect(result.code).toBe(0);
    expect(result.err.filter((line) => line.startsWith('Cảnh báo:'))).toEqual([]);
  });
});
