import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { decideSandbox, readServerEnv, sandboxEnabled, withSandboxDecision } from '../../server/config';

describe('readServerEnv', () => {
  it('defaults to loopback', () => {
    expect(readServerEnv({})).toEqual({ HOST: '127.0.0.1', PORT: 5173 });
  });

  it('reads HOST and PORT', () => {
    expect(readServerEnv({ HOST: '0.0.0.0', PORT: '8080' })).toEqual({ HOST: '0.0.0.0', PORT: 8080 });
  });

  it.each(['abc', '70000', '-1', '1.5'])('names PORT when it is %j', (port) => {
    expect(() => readServerEnv({ PORT: port })).toThrow(/PORT/);
  });
});

describe('decideSandbox', () => {
  it.each(['127.0.0.1', '127.1.2.3', 'localhost', 'LOCALHOST', '::1', '[::1]', '::ffff:127.0.0.1'])(
    'turns the sandbox on by default on loopback %s, and says how to turn it off',
    (host) => {
      const decision = decideSandbox({}, host);
      expect(decision.kind).toBe('on');
      expect(decision.kind === 'on' && decision.announcement).toMatch(/sandbox is on.*KSEF_SANDBOX=0/);
    },
  );

  it.each(['0.0.0.0', '::', '192.168.1.10', '10.0.0.1', 'example.org', '128.0.0.1', '127.0.0.1.example.org'])(
    'refuses %s without a choice, in one line naming both choices',
    (host) => {
      for (const env of [{}, { KSEF_SANDBOX: '' }]) {
        const decision = decideSandbox(env, host);
        expect(decision.kind).toBe('refused');
        const reason = decision.kind === 'refused' ? decision.reason : '';
        expect(reason).not.toContain('\n');
        expect(reason).toContain(`HOST=${host}`);
        expect(reason).toMatch(/KSEF_SANDBOX=0.*KSEF_SANDBOX=1/);
      }
    },
  );

  it('follows an explicit choice on any host', () => {
    expect(decideSandbox({ KSEF_SANDBOX: '0' }, '127.0.0.1')).toEqual({ kind: 'off' });
    expect(decideSandbox({ KSEF_SANDBOX: '0' }, '0.0.0.0')).toEqual({ kind: 'off' });
    expect(decideSandbox({ KSEF_SANDBOX: '1' }, '0.0.0.0').kind).toBe('on');
  });

  it.each(['yes', 'true', 'on', '2'])('names KSEF_SANDBOX when it is %j', (value) => {
    expect(() => decideSandbox({ KSEF_SANDBOX: value }, '127.0.0.1')).toThrow(/KSEF_SANDBOX/);
  });

  it('hands createApiHandler exactly KSEF_SANDBOX=1 or 0', () => {
    const on = withSandboxDecision({ PORT: '1' }, decideSandbox({}, '127.0.0.1'));
    expect(on).toEqual({ PORT: '1', KSEF_SANDBOX: '1' });
    expect(sandboxEnabled(on)).toBe(true);
    expect(sandboxEnabled(withSandboxDecision({}, { kind: 'off' }))).toBe(false);
    expect(sandboxEnabled({})).toBe(false);
  });
});

describe('npm start (server/start.ts)', () => {
  const start = (env: NodeJS.ProcessEnv) =>
    spawnSync(process.execPath, ['--import', 'tsx', 'server/start.ts'], {
      cwd: fileURLToPath(new URL('../..', import.meta.url)),
      env: { PATH: process.env.PATH, ...env },
      encoding: 'utf8',
      timeout: 30_000,
    });

  it('refuses HOST=0.0.0.0 without KSEF_SANDBOX, with one line and before building anything', () => {
    const result = start({ HOST: '0.0.0.0', PORT: '0' });
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim().split('\n')).toEqual([
      'Refusing to start on HOST=0.0.0.0 with the local sandbox undecided: set KSEF_SANDBOX=0 (a public server) or KSEF_SANDBOX=1.',
    ]);
  });
});
