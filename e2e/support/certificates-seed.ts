import { writeFile } from 'node:fs/promises';
import { buildCsr, csrToBase64 } from '../../src/crypto/csr.ts';
import { writeEncryptedKeyFile } from '../../src/crypto/key-file.ts';
import { generateKeyPair } from '../../src/crypto/keys.ts';
import { installXmlDom } from '../../src/lib/xml-dom.ts';
import { createKsefClient, type KsefClient } from '../../src/ksef/client.ts';
import type { KsefCertificateType } from '../../src/ksef/common-schemas.ts';
import type { SignedInSession } from '../../src/ksef/sign-in.ts';
import { signInWithTestIdentity } from '../../src/sign-in/sign-in.ts';

/** One certificate to have issued: its name, type and, for `keyPath`, its key saved as a `.key`. */
export interface SeedCertificate {
  readonly name: string;
  readonly type: KsefCertificateType;
  /** Where to save the encrypted `.key` (with `keyPassword`); the key is thrown away otherwise. */
  readonly keyPath?: string;
}

/** A subject with certificates, made outside the page through the sandbox's own API. */
export interface SeededSubject {
  readonly client: KsefClient;
  readonly session: SignedInSession;
  /** Serial numbers by certificate name. */
  readonly serials: ReadonlyMap<string, string>;
  /** Every serial number in the order KSeF lists them (newest request first). */
  readonly order: readonly string[];
}

/**
 * Signs in to the sandbox as a test seal of `nip` (the same subject a seal of that NIP signs in as in
 * the page) and has every certificate of `certificates` issued, twenty at a time; then reads their
 * serial numbers from the list. Node's WebCrypto and the app's own pure modules do the work.
 */
export async function seedCertificates(
  baseURL: string,
  nip: string,
  certificates: readonly SeedCertificate[],
  keyPassword: string,
): Promise<SeededSubject> {
  installXmlDom();
  const client = createKsefClient({ baseUrl: new URL('api/sandbox/v2', baseURL).href });
  const { session } = await signInWithTestIdentity(client, 'sandbox', {
    kind: 'seal',
    organizationName: 'Sp. z o.o. Lista',
    nip,
  });
  const data = await client.getEnrollmentData(session.tokens);
  for (let start = 0; start < certificates.length; start += 20) {
    await Promise.all(
      certificates.slice(start, start + 20).map(async (certificate) => {
        const keyPair = await generateKeyPair('EC-P256');
        if (certificate.keyPath !== undefined)
          await writeFile(certificate.keyPath, await writeEncryptedKeyFile(keyPair.privateKey, keyPassword));
        await client.enrollCertificate(session.tokens, {
          certificateName: certificate.name,
          certificateType: certificate.type,
          csr: csrToBase64(await buildCsr(data, keyPair)),
        });
      }),
    );
  }
  const serials = new Map<string, string>();
  const order: string[] = [];
  for (let page = 0; ; page++) {
    const answer = await client.queryCertificates(session.tokens, {}, { pageSize: 50, pageOffset: page });
    for (const item of answer.certificates) {
      order.push(item.certificateSerialNumber);
      if (item.name !== undefined) serials.set(item.name, item.certificateSerialNumber);
    }
    if (answer.hasMore !== true) break;
  }
  return { client, session, serials, order };
}
