/**
 * openssl as the independent judge of KOD II signatures: `openssl dgst -verify` with the certificate's
 * public key, and r||s turned into DER by openssl's own ASN.1 generator.
 */
import { openssl, withTempDir } from './openssl';

/** `openssl dgst -verify` of `signature` over `data` with the certificate's public key; true on "Verified OK". */
export function opensslVerifies(
  certificatePem: string,
  data: string,
  signature: Uint8Array,
  pssOptions: string[],
): Promise<boolean> {
  return withTempDir((dir) => {
    dir.write('cert.pem', certificatePem);
    dir.write('data.txt', data);
    dir.write('sig.bin', signature);
    const pub = openssl(['x509', '-in', 'cert.pem', '-pubkey', '-noout'], { cwd: dir.path }).stdout;
    dir.write('pub.pem', pub);
    const result = openssl(
      ['dgst', '-sha256', ...pssOptions, '-verify', 'pub.pem', '-signature', 'sig.bin', 'data.txt'],
      { cwd: dir.path, allowFailure: true },
    );
    return result.status === 0 && result.stdout.toString().includes('Verified OK');
  });
}

/** r||s → DER with openssl's own ASN.1 generator (not our `ecdsaRawToDer`), so the check is independent. */
export function opensslDerFromRaw(raw: Uint8Array): Promise<Uint8Array> {
  const hex = (b: Uint8Array) => Buffer.from(b).toString('hex').toUpperCase();
  return withTempDir((dir) => {
    dir.write(
      'sig.cnf',
      `asn1=SEQUENCE:sig\n[sig]\nr=INTEGER:0x${hex(raw.subarray(0, 32))}\ns=INTEGER:0x${hex(raw.subarray(32))}\n`,
    );
    openssl(['asn1parse', '-genconf', 'sig.cnf', '-out', 'sig.der', '-noout'], { cwd: dir.path });
    return dir.read('sig.der');
  });
}

/** RSASSA-PSS with a 32-byte salt, as KOD II's RSA signatures are. */
export const PSS_32 = ['-sigopt', 'rsa_padding_mode:pss', '-sigopt', 'rsa_pss_saltlen:32'];
