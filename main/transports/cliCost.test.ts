import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { WORKED_WORKSHEET, workedSide } from '../../test/unit/assessmentAnswers';
import { runCli } from './cli';

const directory = mkdtempSync(join(tmpdir(), 'tthc-cost-'));
let fileCount = 0;

function worksheetFile(content: unknown): string {
  fileCount += 1;
  const path = join(directory, `worksheet-${fileCount}.json`);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

async function run(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  // The worksheet carries its own hourly income: the command must leave the user's database alone.
  const databaseFolder = join(directory, 'user-data');
  const code = await runCli(argv, { out: (line) => out.push(line), err: (line) => err.push(line) }, { TTHC_DB: join(databaseFolder, 'tthc.sqlite') });
  expect(existsSync(databaseFolder)).toBe(false);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('tthc cost', () => {
  it('prints the worked example: per case, annual and a 33,94% reduction', async () => {
    const { code, out } = await run(['cost', worksheetFile(WORKED_WORKSHEET)]);
    expect(code).toBe(0);
    const result = JSON.parse(out) as Record<string, Record<string, number>>;
    expect(result.perCase!.baseline).toBeCloseTo(1_245_454.55, 2);
    expect(result.perCase!.proposed).toBeCloseTo(822_727.27, 2);
    expect(result.annual!.baseline).toBeCloseTo(2_490_909_090.91, 2);
    expect(result.annual!.proposed).toBeCloseTo(1_645_454_545.45, 2);
    expect(result.reduction!.amount).toBeCloseTo(845_454_545.45, 2);
    expect(String(result.reduction!.share)).toMatch(/^0\.3394/);
    expect(result).not.toHaveProperty('presentValue');
  });

  it('prints the present and annualised values with --years', async () => {
    const flat = { activities: [], fees: 100, otherCosts: 0, population: 100, frequencyPerYear: 1 };
    const { code, out } = await run(['cost', worksheetFile({ year: 2024, hourlyIncome: 0, proposed: flat }), '--years', '10', '--discount', '0.07']);
    expect(code).toBe(0);
    const result = JSON.parse(out) as Record<string, Record<string, number>>;
    expect(result.presentValue!.proposed).toBeCloseTo(70_235.82, 2);
    expect(result.annualisedValue!.proposed).toBeCloseTo(10_000, 6);
    expect(result.horizon).toEqual({ years: 10, discountRate: 0.07, growthRate: 0 });
  });

  it("gives the Regulatory Cost Calculator's figures and states its conventions", async () => {
    // 100 subjects × 100 đ a year, 10 years, 7%, growth 1% from year 1: Σ 10.000 × 1,01^t / 1,07^t = 73.808,46
    // (computed apart; the old convention, growth from year 2, gave 73.077,69).
    const flat = { activities: [], fees: 100, otherCosts: 0, population: 100, frequencyPerYear: 1 };
    const args = ['cost', worksheetFile({ year: 2025, hourlyIncome: 0, proposed: flat }), '--years', '10', '--discount', '0.07', '--growth', '0.01'];
    const { code, out } = await run(args);
    expect(code).toBe(0);
    const result = JSON.parse(out) as Record<string, Record<string, unknown>>;
    expect(result.presentValue!.proposed).toBeCloseTo(73_808.46, 2);
    expect(result.conventions).toMatchObject({ baseYear: 2025, priceYear: 2025, ongoing: 'end_of_period', growth: 'from_year_1', frequencyBelowOne: 'cohorts' });
  });

  it.each<[string, unknown, string[], string]>([
    ['negative hours', { ...WORKED_WORKSHEET, baseline: { ...workedSide(16, 0), activities: [{ name: 'Chuẩn bị', hours: -2 }] } }, [], 'baseline.activities[0].hours: không được âm'],
    ['non-numeric population', { ...WORKED_WORKSHEET, proposed: { ...workedSide(8, 0), population: 'hai nghìn' } }, [], 'proposed.population: phải là một số'],
    ['frequency 0', { ...WORKED_WORKSHEET, proposed: { ...workedSide(8, 0), frequencyPerYear: 0 } }, [], 'proposed.frequencyPerYear: phải lớn hơn 0'],
    ['negative money', { ...WORKED_WORKSHEET, baseline: { ...workedSide(16, 0), otherCosts: -1 } }, [], 'baseline.otherCosts: không được âm'],
    ['malformed JSON', '{ "year": 2023, ', [], 'không phải JSON hợp lệ'],
    ['years that are not a number', WORKED_WORKSHEET, ['--years', 'mười'], '--years: số năm phải là một số'],
    ['a discount rate in percent', WORKED_WORKSHEET, ['--years', '5', '--discount', '7'], '--discount: tỷ lệ chiết khấu ghi dạng thập phân'],
    ['a blank growth rate', WORKED_WORKSHEET, ['--years', '5', '--growth', ' '], '--growth: tốc độ tăng số đối tượng phải là một số'],
    ['a discount rate without years', WORKED_WORKSHEET, ['--discount', '0.07'], '--discount và --growth chỉ dùng cùng --years'],
  ])('rejects %s with a Vietnamese message and a non-zero exit', async (_label, content, flags, message) => {
    const { code, out, err } = await run(['cost', worksheetFile(content), ...flags]);
    expect(code).not.toBe(0);
    expect(out).toBe('');
    expect(err).toContain(message);
  });

  it('asks for the file', async () => {
    const { code, err } = await run(['cost']);
    expect(code).toBe(2);
    expect(err).toContain('Thiếu tên tệp bảng tính chi phí');
  });
});
