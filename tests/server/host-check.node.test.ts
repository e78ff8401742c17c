import { describe, expect, it } from 'vitest';
import { isHostAllowed, readAllowedHosts } from '../../server/host-check';

const hostname = (host: string) => new URL(`http://${host}/`).hostname;

describe('readAllowedHosts and isHostAllowed', () => {
  const defaults = readAllowedHosts({});

  it.each(['127.0.0.1', '[::1]', '10.0.0.7', '[2001:db8::1]', 'localhost', 'LOCALHOST', 'app.localhost', 'localhost.'])(
    'allows %s by default',
    (host) => {
      expect(isHostAllowed(hostname(host), defaults)).toBe(true);
    },
  );

  it.each(['example.org', 'localhost.example.org', 'localhostx', '127.0.0.1.nip.io', 'xn--80ak6aa92e.com'])(
    'refuses %s by default',
    (host) => {
      expect(isHostAllowed(hostname(host), defaults)).toBe(false);
    },
  );

  it('adds the bound HOST when it is a name, not when it is an address', () => {
    expect(isHostAllowed('ksef.internal', readAllowedHosts({ HOST: 'ksef.internal' }))).toBe(true);
    expect(readAllowedHosts({ HOST: '0.0.0.0' }).names.size).toBe(0);
    expect(readAllowedHosts({ HOST: '::' }).names.size).toBe(0);
  });

  it('reads KSEF_ALLOWED_HOSTS: exact names, and a leading dot for the name and its subdomains', () => {
    const allowed = readAllowedHosts({ KSEF_ALLOWED_HOSTS: ' Ksef.Example.org ,, .staging.example.net ' });
    expect(isHostAllowed('ksef.example.org', allowed)).toBe(true);
    expect(isHostAllowed('www.ksef.example.org', allowed)).toBe(false);
    expect(isHostAllowed('staging.example.net', allowed)).toBe(true);
    expect(isHostAllowed('a.b.staging.example.net', allowed)).toBe(true);
    expect(isHostAllowed('evilstaging.example.net', allowed)).toBe(false);
  });

  it.each(['ksef.example.org:443', 'https://ksef.example.org', '*', '*.example.org', 'a b', 'ksef..example.org'])(
    'names KSEF_ALLOWED_HOSTS when an entry is %j',
    (entry) => {
      expect(() => readAllowedHosts({ KSEF_ALLOWED_HOSTS: entry })).toThrow('KSEF_ALLOWED_HOSTS');
    },
  );
});
