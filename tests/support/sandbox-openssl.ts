import { expect } from 'vitest';
import { openssl, withTempDir } from './openssl';

/**
 * The independent check of a certificate the sandbox issued (docs/ksef-contract.md §7), by OpenSSL: keyUsage
 * digitalSignature for Authentication or nonRepudiation for Offline (and not the other), the CN
 * suffix, and the sandbox CA as issuer. Returns the `-text` output for further checks.
 */
export async function expectKsefProfile(der: Uint8Array, type: 'Authentication' | 'Offline'): Promise<string> {
  return withTempDir((dir) => {
    dir.write('certificate.der', der);
    const args = [
      'x509',
      '-inform',
      'DER',
      '-in',
      'certificate.der',
      '-noout',
      '-text',
      '-nameopt',
      'utf8,sep_comma_plus_space',
    ];
    const text = openssl(args, { cwd: dir.path }).stdout.toString('utf8');
    const [wanted, unwanted] =
      type === 'Authentication' ? ['Digital Signature', 'Non Repudiation'] : ['Non Repudiation', 'Digital Signature'];
    expect(text).toMatch(new RegExp(`X509v3 Key Usage: critical\\s+${wanted}\\n`));
    expect(text).not.toContain(unwanted);
    expect(text).toMatch(
      type === 'Authentication' ? /Subject: .*CN=[^,\n]+ \(uwierzytelnienie\)/ : /Subject: .*CN=[^,\n]+ \(offline\)/,
    );
    expect(text).toContain('Issuer: C=PL, O=ksef-cert, CN=SANDBOX CCK KSeF');
    // The sandbox CA's CRL, at KSeF's path shape (docs/ksef-contract.md §7).
    expect(text).toMatch(
      /X509v3 CRL Distribution Points: \n\s+Full Name:\n\s+URI:http:\/\/[^/\s]+\/api\/sandbox\/security\/crl\/sandboxksef1\.crl\n/,
    );
    return text;
  });
}
