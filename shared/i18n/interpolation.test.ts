import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { messages } from './catalog';
import { COUNT_PLACEHOLDERS, MESSAGE_FORMATS } from './interpolation';

function strings(value: unknown, prefix = ''): Array<[string, string]> {
  if (typeof value === 'string') return [[prefix, value]];
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, inner]) => strings(inner, prefix ? `${prefix}.${key}` : key));
}

async function translator(language: 'vi' | 'en') {
  const instance = i18next.createInstance();
  await instance.init({
    resources: { vi: { translation: messages.vi }, en: { translation: messages.en } },
    lng: language,
    interpolation: { escapeValue: false },
  });
  for (const [name, format] of Object.entries(MESSAGE_FORMATS)) instance.services.formatter?.add(name, format);
  return instance.t.bind(instance);
}

describe('figures inside messages', () => {
  it('read with thousands dots in Vietnamese and commas in English, whatever the browser locale', async () => {
    const vi = await translator('vi');
    expect(vi('search.results', { count: 1219 })).toBe('1.219 kết quả');
    expect(vi('reports.dashboard.daysValue', { count: 1430 })).toBe('1.430 ngày');
    expect(vi('daily.list.overdue', { days: 1430 })).toBe('quá hạn 1.430 ngày');
    const en = await translator('en');
    expect(en('search.results', { count: 1219 })).toBe('1,219 results');
  });

  it('keep a year bare: "năm 2024", not "năm 2.024"', async () => {
    const vi = await translator('vi');
    expect(vi('assessment.cost.incomeFromSettings', { year: 2024 })).toBe('Theo cài đặt năm 2024');
  });

  it('name the integer format for every count placeholder, so that no new message forgets it', () => {
    const bare = (['vi', 'en'] as const).flatMap((language) =>
      strings(messages[language])
        .filter(([, text]) => COUNT_PLACEHOLDERS.some((name) => text.includes(`{{${name}}}`)))
        .map(([key]) => `${language}:${key}`),
    );
    expect(bare).toEqual([]);
  });
});
