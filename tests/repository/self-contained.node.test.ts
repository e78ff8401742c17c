/**
 * A lone clone of the repository must build and test: nothing we wrote may read a file outside the
 * repository root, and no comment may cite a document that is not in it. Every git-tracked text file
 * of ours is scanned by the detectors below; the table of synthetic lines at the end shows that each
 * detector fires on a line that leaves the root and stays quiet on an ordinary one, so that an empty
 * result of the scan means something.
 *
 * The synthetic lines are assembled from pieces (UP, CITE) so that this file does not trip its own
 * scan, and so that a mechanical rewrite of the citations leaves it alone.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Top-level folders of ours whose files are scanned; files at the root are scanned too. */
const SCANNED_FOLDERS = [
  'src',
  'server',
  'tests',
  'e2e',
  'scripts',
  'tools',
  'bench',
  'build',
  'deploy',
  'docs',
  'spec',
  '.ci',
];
/** Tracked files that are not ours or not text: the official files (checked by npm run spec:check) and the lock file. */
const NOT_SCANNED = [
  /^spec\/ksef\/(?!SOURCES\.md$)/,
  /^package-lock\.json$/,
  /\.(p12|der|pfx|png|jpe?g|gif|ico|woff2?|br|gz)$/,
];

/** What a detector found: the file, the 1-based line and what the line says. */
interface Finding {
  readonly file: string;
  readonly line: number;
  readonly detector: string;
  readonly text: string;
}

/** A detector reads one file (its path from the root and its text) and reports offending lines. */
type Detector = (file: string, text: string) => Finding[];

/** The 1-based line of a character offset. */
const lineOf = (text: string, index: number): number => text.slice(0, index).split('\n').length;

/** Whether a path (absolute) lies outside the repository root. */
function escapesRoot(path: string): boolean {
  const inside = relative(ROOT, path);
  return inside === '..' || inside.startsWith('../') || isAbsolute(inside);
}

/** A finding for every match of `pattern` whose path (made by `target`) leaves the root. */
function findEscapes(
  name: string,
  pattern: RegExp,
  target: (file: string, match: RegExpExecArray) => string | null,
): Detector {
  return (file, text) => {
    const found: Finding[] = [];
    for (const match of text.matchAll(
      new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`),
    )) {
      const path = target(file, match);
      if (path !== null && escapesRoot(path))
        found.push({ file, line: lineOf(text, match.index), detector: name, text: match[0] });
    }
    return found;
  };
}

/**
 * A relative path literal, resolved from the directory of the file it is written in (query and hash
 * dropped). Templates and globs (`'../*'` in an import rule) are not paths, so they are skipped.
 */
function fromFile(file: string, literal: string): string | null {
  if (literal.includes('${') || literal.includes('*')) return null;
  return resolve(ROOT, dirname(file), literal.replace(/[?#].*$/, ''));
}

const DETECTORS: Record<string, Detector> = {
  /** The old place of the official files, beside the repository. */
  'shared-spec': (file, text) =>
    [...text.matchAll(/\.\.\/shared\b|shared\/ksef-spec/g)].map((m) => ({
      file,
      line: lineOf(text, m.index),
      detector: 'shared-spec',
      text: m[0],
    })),

  /**
   * Any quoted path literal starting with `./` or `../` (imports, `?raw` imports, dynamic imports,
   * `new URL('…', import.meta.url)`, `readFile('…')`), resolved from the file's own directory.
   */
  'relative-literal': findEscapes('relative-literal', /(['"`])(\.\.?(?:\/[^'"`\s]*)?)\1/, (file, m) =>
    fromFile(file, m[2] ?? ''),
  ),

  /**
   * `resolve(import.meta.dirname, '…', '…')` and `join(__dirname, …)`: the string arguments together,
   * from the file's directory (each one alone may look harmless).
   */
  'dirname-join': findEscapes(
    'dirname-join',
    /\b(?:resolve|join)\(\s*(?:import\.meta\.dirname|__dirname)((?:\s*,\s*(?:'[^']*'|"[^"]*"))+)\s*[,)]/,
    (file, m) => {
      const parts = [...(m[1] ?? '').matchAll(/'([^']*)'|"([^"]*)"/g)].map((p) => p[1] ?? p[2] ?? '');
      return resolve(ROOT, dirname(file), ...parts);
    },
  ),

  /** Relative links in Markdown, resolved from the document's directory. */
  'markdown-link': findEscapes('markdown-link', /\]\((\.\.?\/[^)\s#]*)/, (file, m) =>
    file.endsWith('.md') ? fromFile(file, m[1] ?? '') : null,
  ),

  /** A citation of the contract digest that lives outside the repository (docs/ksef-contract.md is ours). */
  'contract-citation': (file, text) =>
    [...text.matchAll(/\bCONTRACT(?:\.md)?`?\s*(?:(?:\*|\/\/|#)\s*)?§|\bCONTRACT\.md\b|\band CONTRACT name\b/g)].map(
      (m) => ({
        file,
        line: lineOf(text, m.index),
        detector: 'contract-citation',
        text: m[0],
      }),
    ),
};

/** Runs every detector over one file. */
const scan = (file: string, text: string): Finding[] =>
  Object.values(DETECTORS).flatMap((detect) => detect(file, text));

/** The files to scan: git-tracked ones when this is a git checkout, otherwise every file outside node_modules. */
function repositoryFiles(): string[] {
  const git = spawnSync('git', ['ls-files', '-z'], { cwd: ROOT, encoding: 'utf8' });
  const all =
    git.status === 0
      ? git.stdout.split('\0').filter((f) => f !== '')
      : readdirSync(ROOT, { recursive: true, encoding: 'utf8' }).filter(
          (f) => !/(^|\/)(node_modules|dist|\.git)(\/|$)/.test(f),
        );
  return all.filter(
    (f) =>
      (!f.includes('/') || SCANNED_FOLDERS.includes(f.split('/')[0] ?? '')) && !NOT_SCANNED.some((re) => re.test(f)),
  );
}

/** The text of a file, or `null` when it is binary (has a NUL byte) or is a directory. */
function textOf(file: string): string | null {
  try {
    const bytes = readFileSync(join(ROOT, file));
    return bytes.includes(0) ? null : bytes.toString('utf8');
  } catch {
    return null;
  }
}

describe('the repository is self-contained', () => {
  const files = repositoryFiles();

  it('scans the source, tests, scripts, tools and configuration', () => {
    for (const expected of [
      'package.json',
      'vite.config.ts',
      'tools/codegen/generate.ts',
      'tests/support/xml-oracles.ts',
      'e2e/support/paths.ts',
      'deploy/nginx/ksef-cert.conf',
    ]) {
      expect(files).toContain(expected);
    }
  });

  const findings = files.flatMap((file) => {
    const text = textOf(file);
    return text === null ? [] : scan(file, text);
  });
  const shown = (list: Finding[]): string[] => list.map((f) => `${f.file}:${f.line} [${f.detector}] ${f.text}`);

  it('no file reads outside the repository root', () => {
    expect(shown(findings.filter((f) => f.detector !== 'contract-citation'))).toEqual([]);
  });

  it('no comment cites a document that is not in the repository', () => {
    expect(shown(findings.filter((f) => f.detector === 'contract-citation'))).toEqual([]);
  });
});

describe('docs/ksef-contract.md has every section the repository cites', () => {
  const doc = readFileSync(join(ROOT, 'docs/ksef-contract.md'), 'utf8');
  /** Section numbers: headings (`## 4.`, `### 4.4`, `## 14a.`) and the numbered facts of section 1 (`1.2 ...`). */
  const sections = new Set([
    ...[...doc.matchAll(/^#{2,3} (\d+[a-z]?(?:\.\d+)?)\.? /gm)].map((m) => m[1] ?? ''),
    ...[...doc.matchAll(/^(1\.\d+) /gm)].map((m) => m[1] ?? ''),
  ]);

  it('numbers its sections as the code cites them', () => {
    for (const section of ['0', '1', '1.2', '1.10', '3.4', '4.4', '4.12', '5.2', '6.1', '7', '13', '14a', '14'])
      expect(sections).toContain(section);
  });

  it('has each section cited as docs/ksef-contract.md §N (also in lists such as §4.5-§4.8, §5)', () => {
    const citation =
      /docs\/ksef-contract\.md`?\s*(?:(?:\*|\/\/|#)\s*)?((?:§\s?\d+[a-z]?(?:\.\d+)?(?:\s*(?:,|-|–|and)\s*)?)+)/g;
    const missing = repositoryFiles().flatMap((file) => {
      const text = textOf(file) ?? '';
      return [...text.matchAll(citation)].flatMap((m) =>
        [...(m[1] ?? '').matchAll(/§\s?(\d+[a-z]?(?:\.\d+)?)/g)]
          .map((n) => n[1] ?? '')
          .filter((n) => !sections.has(n))
          .map((n) => `${file}:${lineOf(text, m.index)} cites §${n}`),
      );
    });
    expect(missing).toEqual([]);
  });
});

describe('each detector fires on a line that leaves the root, and not on an ordinary one', () => {
  const UP = '..' + '/';
  const CITE = 'CONTRACT';
  const SHARED = 'shared';
  const cases: { file: string; line: string; fires: string[] }[] = [
    // imports, including ?raw and re-exports
    {
      file: 'tests/ksef/x.test.ts',
      line: `import spec from '${UP.repeat(3)}elsewhere/open-api.json?raw';`,
      fires: ['relative-literal'],
    },
    { file: 'tests/ksef/x.test.ts', line: `import spec from '${UP.repeat(2)}spec/ksef/open-api.json?raw';`, fires: [] },
    { file: 'tests/ksef/x.test.ts', line: `import { a } from '${UP.repeat(2)}src/lib/bytes';`, fires: [] },
    { file: 'src/ksef/x.ts', line: `export * from './common-schemas';`, fires: [] },
    { file: 'src/a/b.ts', line: `const m = await import('${UP.repeat(4)}x.ts');`, fires: ['relative-literal'] },
    { file: 'vite.config.ts', line: `import x from '${UP}sibling/x.ts';`, fires: ['relative-literal'] },
    // new URL(…, import.meta.url) and readFile
    {
      file: 'tools/codegen/generate.ts',
      line: `new URL('${UP.repeat(3)}other/open-api.json', import.meta.url)`,
      fires: ['relative-literal'],
    },
    {
      file: 'tools/codegen/generate.ts',
      line: `new URL('${UP.repeat(2)}spec/ksef/open-api.json', import.meta.url)`,
      fires: [],
    },
    { file: 'scripts/a.ts', line: `readFileSync("${UP}README.md")`, fires: [] },
    { file: 'eslint.config.js', line: `{ group: ['${UP}*'], message: 'no sibling features' }`, fires: [] },
    // resolve/join from the file's directory: the arguments together
    {
      file: 'e2e/support/paths.ts',
      line: `resolve(import.meta.dirname, '${UP}..', '${UP}outside/sample.key')`,
      fires: ['dirname-join'],
    },
    {
      file: 'e2e/support/paths.ts',
      line: `resolve(import.meta.dirname, '${UP}..', 'tests/fixtures/keys/a.key')`,
      fires: [],
    },
    { file: 'scripts/a.ts', line: `join(__dirname, '..', '..', 'x')`, fires: ['dirname-join'] },
    // the old place of the official files, however it is written
    { file: 'tests/support/x.ts', line: `const dir = '/work/${SHARED}/ksef-spec';`, fires: ['shared-spec'] },
    { file: 'README.md', line: `Copy ${UP}shared/x here.`, fires: ['shared-spec'] },
    // Markdown links
    { file: 'docs/README.md', line: `[spec](${UP.repeat(2)}outside/open-api.json)`, fires: ['markdown-link'] },
    { file: 'docs/README.md', line: `[spec](${UP}spec/ksef/SOURCES.md)`, fires: [] },
    // not paths at all
    { file: 'src/a.ts', line: `const url = 'https://api-test.ksef.mf.gov.pl/v2/${UP}x';`, fires: [] },
    { file: 'src/a.ts', line: `const label = 'Waiting...';`, fires: [] },
    // citations of the document outside the repository, and of ours
    { file: 'src/ksef/a.ts', line: `/** Polls (${CITE} §5.4). */`, fires: ['contract-citation'] },
    { file: 'src/ksef/a.ts', line: `// as ${CITE}.md §4.4 says`, fires: ['contract-citation'] },
    { file: 'tests/fixtures/README.md', line: `see \`${CITE}.md\` §8.`, fires: ['contract-citation'] },
    { file: 'server/sandbox/a.ts', line: ` * strict mode (${CITE}\n * §4.4), with`, fires: ['contract-citation'] },
    { file: 'deploy/nginx/ksef-cert.conf', line: `# No retries (${CITE}.md §10).`, fires: ['contract-citation'] },
    {
      file: 'tests/ksef/errors.test.ts',
      line: `/** Every code the brief and ${CITE} name. */`,
      fires: ['contract-citation'],
    },
    { file: 'src/ksef/a.ts', line: `/** Polls (docs/ksef-contract.md §5.4). */`, fires: [] },
    { file: 'src/ksef/a.ts', line: `const CONTRACT_LIMIT = 10;`, fires: [] },
  ];

  it.each(cases)('$file: $line', ({ file, line, fires }) => {
    expect([...new Set(scan(file, line).map((f) => f.detector))].sort()).toEqual(fires);
  });
});
