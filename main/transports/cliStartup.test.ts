// `tthc search` must start about as fast as a bare node script: the export libraries (a second or more to load) are
// reached only through dynamic imports, when a command actually renders a file.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../..');
const HEAVY = ['exceljs', 'docx', 'pdfmake', '@expo-google-fonts/tinos', 'pdf-lib', '@signpdf/signpdf', 'pkijs', 'node-forge', 'pkcs11js'];
const STATIC_IMPORT = /^\s*(import|export)\s+(?!type\b)(?:[\s\S]*?\sfrom\s+)?'([^']+)'/gm;

/** Every package the module loads before its first line runs, with the chain of files that leads there. */
function staticPackages(entry: string): Map<string, string[]> {
  const packages = new Map<string, string[]>();
  const seen = new Set<string>();
  const visit = (file: string, chain: string[]) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const [, , specifier] of readFileSync(file, 'utf8').matchAll(STATIC_IMPORT)) {
      if (!specifier!.startsWith('.')) {
        const name = specifier!.startsWith('@') ? specifier!.split('/').slice(0, 2).join('/') : specifier!.split('/')[0]!;
        if (!packages.has(name)) packages.set(name, [...chain, file.slice(ROOT.length + 1)]);
        continue;
      }
      const base = join(dirname(file), specifier!);
      const target = [`${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), base].find((candidate) => existsSync(candidate) && candidate.match(/\.tsx?$/));
      if (target) visit(target, [...chain, file.slice(ROOT.length + 1)]);
    }
  };
  visit(join(ROOT, entry), []);
  return packages;
}

describe('command line start-up', () => {
  it('loads no export library before a command needs one', () => {
    const packages = staticPackages('main/transports/cli.ts');
    expect(packages.has('better-sqlite3')).toBe(true); // the walk does see packages
    for (const heavy of HEAVY) expect(packages.get(heavy), `${heavy} via ${packages.get(heavy)?.join(' → ')}`).toBeUndefined();
  });
});
