import { openssl, withTempDir } from './openssl';

/** One certificate and its private key, as openssl wrote them (PEM). */
export interface OpensslPair {
  readonly certificatePem: string;
  readonly keyPem: string;
  /** 16 upper-case hex digits. */
  readonly serial: string;
}

/** The certificates the KOD II tests sign and verify with, all made by openssl under a `TEST CCK KSeF` CA. */
export interface OfflineLinkCertificates {
  readonly offlineEc: OpensslPair;
  readonly offlineRsa: OpensslPair;
  readonly authenticationEc: OpensslPair;
  readonly offlineRsa1024: OpensslPair;
  /** Valid from this date for 730 days. */
  readonly issuedAt: Date;
}

/**
 * Makes a CA named as KSeF's TEST CA (`C=PL, O=Ministerstwo Finansów, CN=TEST CCK KSeF`, docs/ksef-contract.md §7)
 * and leaves with KSeF's profile: Offline = keyUsage nonRepudiation and the ` (offline)` CN suffix,
 * Authentication = digitalSignature and ` (uwierzytelnienie)`; 8-byte serials.
 */
export function makeOfflineLinkCertificates(): Promise<OfflineLinkCertificates> {
  return withTempDir((dir) => {
    const run = (args: string[]) => openssl(args, { cwd: dir.path });
    run(['genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256', '-out', 'ca.key']);
    run([
      'req', '-x509', '-new', '-key', 'ca.key', '-days', '3650', '-utf8',
      '-subj', '/C=PL/O=Ministerstwo Finansów/OU=Krajowa Administracja Skarbowa/CN=TEST CCK KSeF',
      '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign',
      '-out', 'ca.pem',
    ]); // prettier-ignore
    dir.write('offline.ext', 'keyUsage=critical,nonRepudiation\n');
    dir.write('auth.ext', 'keyUsage=critical,digitalSignature\n');
    const leaf = (name: string, keyArgs: string[], cn: string, ext: string, serial: string): OpensslPair => {
      run(['genpkey', ...keyArgs, '-out', `${name}.key`]);
      run(['req', '-new', '-key', `${name}.key`, '-utf8', '-subj', `/C=PL/CN=${cn}`, '-out', `${name}.csr`]);
      run([
        'x509', '-req', '-in', `${name}.csr`, '-CA', 'ca.pem', '-CAkey', 'ca.key', '-set_serial', `0x${serial}`,
        '-days', '730', '-sha256', '-extfile', ext, '-out', `${name}.pem`,
      ]); // prettier-ignore
      const text = (file: string) => new TextDecoder().decode(dir.read(file));
      return { certificatePem: text(`${name}.pem`), keyPem: text(`${name}.key`), serial };
    };
    const ec = ['-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256'];
    const rsa = (bits: number) => ['-algorithm', 'RSA', '-pkeyopt', `rsa_keygen_bits:${bits}`];
    const issuedAt = new Date();
    return {
      offlineEc: leaf('offline-ec', ec, 'Jan Kowalski (offline)', 'offline.ext', '01F20A5D352AE591'),
      offlineRsa: leaf('offline-rsa', rsa(2048), 'Jan Kowalski (offline)', 'offline.ext', '01F20A5D352AE592'),
      authenticationEc: leaf('auth-ec', ec, 'Jan Kowalski (uwierzytelnienie)', 'auth.ext', '01F20A5D352AE593'),
      offlineRsa1024: leaf('offline-rsa1024', rsa(1024), 'Jan Kowalski (offline)', 'offline.ext', '01F20A5D352AE594'),
      issuedAt,
    };
  });
}
