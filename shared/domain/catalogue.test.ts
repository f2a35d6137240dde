import { describe, expect, it } from 'vitest';
import { catalogueSample } from '../../test/fixtures/catalogueSample';
import { catalogueFileSchema, componentsFromCatalogue, regulationFromCatalogue } from './catalogue';
import { regulationMeasures } from './measures';
import { unitOfText } from './timeLimits';

describe('the tthc-catalogue file', () => {
  it('reads the published sample: every demo procedure, codes unique, local variant codes allowed', () => {
    const file = catalogueFileSchema.parse(catalogueSample());
    expect(file.procedures.length).toBeGreaterThanOrEqual(15);
    const codes = file.procedures.map((procedure) => procedure.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes).toContain('1.001193');
    expect(codes).toContain('1.001612.000.00.00.H01');
    expect(file.procedures.map((procedure) => procedure.name)).toEqual(expect.arrayContaining(['Đăng ký khai sinh', 'Đăng ký kết hôn']));
  });

  it('names the path of every problem, including a code used twice and a malformed code', () => {
    const sample = catalogueSample();
    sample.procedures[1] = { ...sample.procedures[1], code: sample.procedures[0]!.code };
    sample.procedures[2] = { ...sample.procedures[2], code: '1001193' };
    sample.procedures[3] = { ...sample.procedures[3], dossier: [{ item: 'Tờ khai', originals: -1, copies: 0 }] };
    const result = catalogueFileSchema.safeParse(sample);
    expect(result.success).toBe(false);
    const paths = result.error!.issues.map((issue) => issue.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['procedures.1.code', 'procedures.2.code', 'procedures.3.dossier.0.originals']));
  });

  it('refuses another format or version', () => {
    expect(catalogueFileSchema.safeParse({ ...catalogueSample(), format: 'tthc-dossier' }).success).toBe(false);
    expect(catalogueFileSchema.safeParse({ ...catalogueSample(), version: 2 }).success).toBe(false);
  });
});

describe('a catalogue record as Điều 8 components', () => {
  const file = catalogueFileSchema.parse(catalogueSample());
  const record = (code: string) => file.procedures.find((procedure) => procedure.code === code)!;

  it('gathers methods, fees across methods without repeats, originals plus copies, and forms of the dossier items', () => {
    const company = componentsFromCatalogue(record('2.001610'));
    expect(company.methods).toEqual(['in_person', 'online']);
    expect(company.timeLimitDays).toBe(3);
    expect(company.fees).toEqual([
      { name: 'Lệ phí đăng ký doanh nghiệp', amount: 50000 },
      { name: 'Phí công bố nội dung đăng ký doanh nghiệp', amount: 100000 },
      { name: 'Lệ phí đăng ký doanh nghiệp', amount: 0 },
    ]);
    expect(company.dossier?.[3]).toEqual({ item: 'Bản sao giấy tờ pháp lý của cá nhân đối với thành viên là cá nhân', copies: 1 });
    expect(company.forms).toEqual(['Phụ lục I-3 Thông tư 68/2025/TT-BTC', 'Phụ lục I-6 Thông tư 68/2025/TT-BTC']);
    expect(company.agency).toBe('Phòng Đăng ký kinh doanh thuộc Sở Tài chính');
    expect(company.result).toBe('Giấy chứng nhận đăng ký doanh nghiệp');
  });

  it('starts an amended TTHC under the record code, name, field and level', () => {
    const fields = regulationFromCatalogue(record('1.001193'), 'abolished');
    expect(fields).toMatchObject({ kind: 'tthc', change: 'abolished', nationalCode: '1.001193', name: 'Đăng ký khai sinh', field: 'Hộ tịch', level: 'commune' });
    expect(fields.components.steps).toHaveLength(3);
    expect(fields.baseline).toEqual({ timeLimitDays: fields.components.timeLimitDays });
  });

  it('lets every method that states the procedure’s own time limit follow it, so a cut typed once counts for them all', () => {
    const timed = file.procedures.filter((procedure) => procedure.methods.some((method) => method.timeLimitDays !== undefined));
    expect(timed.length).toBeGreaterThan(5);
    for (const procedure of timed) {
      const started = regulationFromCatalogue(procedure);
      const procedureLimit = started.components.timeLimitDays!;
      const cut = { ...started, components: { ...started.components, timeLimitDays: procedureLimit + 1000 } };
      const byMethod = regulationMeasures(cut).timeLimitsByMethod;
      for (const method of procedure.methods) {
        const pair = byMethod.find((entry) => entry.method === method.method);
        const ownLimit = method.timeLimitDays !== undefined && method.timeLimitDays !== procedureLimit;
        // A method with a limit of its own keeps it; one that stated the procedure's follows the procedure's new limit.
        if (pair && !ownLimit) expect(pair.proposed, `${procedure.code} ${method.method}`).toBe(procedureLimit + 1000);
        if (pair && ownLimit && unitOfText(method.timeLimitText) === 'working') expect(pair.proposed, `${procedure.code} ${method.method}`).toBe(method.timeLimitDays);
      }
    }
  });
});
