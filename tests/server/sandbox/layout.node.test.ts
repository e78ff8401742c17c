import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../../..');
const SANDBOX = join(ROOT, 'server/sandbox');

/** Every `.ts` file below `server/sandbox`, repository-relative, with the files its relative imports name. */
function sandboxImports(): { file: string; imports: string[] }[] {
  const files = readdirSync(SANDBOX, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));
  return files.map((name) => {
    const path = join(SANDBOX, name);
    const text = readFileSync(path, 'utf8');
    const specifiers = [...text.matchAll(/(?:from\s+|import\()'(\.{1,2}\/[^']+)'/g)].map((m) => m[1] ?? '');
    return { file: relative(ROOT, path), imports: specifiers.map((s) => relative(ROOT, resolve(dirname(path), s))) };
  });
}

describe('server/sandbox layout', () => {
  const all = sandboxImports();

  it('finds the sandbox files and their imports', () => {
    expect(all.length).toBeGreaterThan(20);
    expect(all.find((f) => f.file === 'server/sandbox/sandbox.ts')?.imports).toContain('server/sandbox/core/state.ts');
  });

  it('the production sandbox never imports the test controls', () => {
    const offenders = all
      .filter((f) => !f.file.startsWith('server/sandbox/control/'))
      .flatMap((f) => f.imports.filter((i) => i.startsWith('server/sandbox/control/')).map((i) => `${f.file} -> ${i}`));
    expect(offenders).toEqual([]);
  });

  it('core depends on no area, auth on no other area, certificates only on auth (sessions); none on the composition', () => {
    const allowed: Readonly<Record<string, readonly string[]>> = {
      core: [],
      auth: ['core'],
      certificates: ['core', 'auth'],
    };
    const areaOf = (path: string) => /^server\/sandbox\/(core|auth|certificates|control)\//.exec(path)?.[1];
    const offenders = all.flatMap((f) => {
      const from = areaOf(f.file);
      const may = from === undefined ? undefined : allowed[from];
      if (from === undefined || may === undefined) return [];
      return f.imports
        .filter((i) => {
          const to = areaOf(i);
          if (to === undefined) return /^server\/sandbox\/[^/]+\.ts$/.test(i);
          return to !== from && !may.includes(to);
        })
        .map((i) => `${f.file} -> ${i}`);
    });
    expect(offenders).toEqual([]);
  });

  it('imports nothing of the app’s state, UI or CSR check', () => {
    const forbidden =
      /^src\/(state|ui|app|features|browser|service-worker|messages)\/|^src\/main\.tsx$|^src\/crypto\/check-csr\.ts$/;
    const offenders = all.flatMap((f) => f.imports.filter((i) => forbidden.test(i)).map((i) => `${f.file} -> ${i}`));
    expect(offenders).toEqual([]);
  });

  it('checks CSRs with its own code: of the app’s crypto, only the enrollment data type', () => {
    const csrFiles = all.filter((f) => /^server\/sandbox\/certificates\/csr-/.test(f.file));
    expect(csrFiles.map((f) => f.file).sort()).toEqual([
      'server/sandbox/certificates/csr-checks.ts',
      'server/sandbox/certificates/csr-parse.ts',
    ]);
    const fromCrypto = csrFiles.flatMap((f) => f.imports.filter((i) => i.startsWith('src/crypto/')));
    expect(fromCrypto).toEqual(['src/crypto/enrollment-data.ts']);
  });
});
