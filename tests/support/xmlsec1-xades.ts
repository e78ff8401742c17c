/**
 * The user's own signing software, played by OpenSSL and xmlsec1: none of our code touches the key or
 * computes a digest or signature. OpenSSL makes a self-signed person certificate (as KSeF TEST accepts)
 * and fills the XAdES-BES SigningCertificate; xmlsec1 computes both reference digests and the
 * SignatureValue over the template, exactly like `tests/fixtures/xades/xades-enveloped.tmpl.xml`.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A key and certificate made by `openssl req -x509`, as PEM text. */
export interface OpensslSigner {
  readonly algorithm: 'EC' | 'RSA';
  readonly keyPem: string;
  readonly certificatePem: string;
  readonly certificateDer: Uint8Array;
  /** RFC 4514 issuer (UTF-8 kept) and the serial in decimal, for IssuerSerial. */
  readonly issuerName: string;
  readonly serialDecimal: string;
}

function run(tool: string, args: readonly string[], cwd: string): string {
  const result = spawnSync(tool, args, {
    cwd,
    encoding: 'utf8',
    timeout: 30_000,
    env: { ...process.env, LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8' },
  });
  if (result.error) throw result.error;
  if (result.status !== 0) throw new Error(`${tool} ${args[0] ?? ''} failed (${result.status}): ${result.stderr}`);
  return result.stdout;
}

function inTempDir<T>(work: (dir: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'ksef-cert-xmlsec1-'));
  try {
    return work(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** `openssl req -x509`: a person (`TINPL-<nip>`) valid for two days from now, EC P-256 or RSA 2048. */
export function makeOpensslSigner(algorithm: 'EC' | 'RSA', nip: string): OpensslSigner {
  return inTempDir((dir) => {
    const newKey =
      algorithm === 'EC' ? ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256'] : ['-newkey', 'rsa:2048'];
    run(
      'openssl',
      [
        'req',
        '-x509',
        ...newKey,
        '-nodes',
        '-keyout',
        'key.pem',
        '-utf8',
        '-subj',
        `/GN=Róża/SN=Żółtowska/serialNumber=TINPL-${nip}/CN=Róża Żółtowska/C=PL`,
        '-days',
        '2',
        '-sha256',
        '-out',
        'cert.pem',
      ],
      dir,
    );
    run('openssl', ['x509', '-in', 'cert.pem', '-outform', 'DER', '-out', 'cert.der'], dir);
    const issuer = run('openssl', ['x509', '-in', 'cert.pem', '-noout', '-issuer', '-nameopt', 'RFC2253,-esc_msb'], dir)
      .trim()
      .replace(/^issuer=/, '');
    const serialHex = run('openssl', ['x509', '-in', 'cert.pem', '-noout', '-serial'], dir)
      .trim()
      .replace(/^serial=/, '');
    return {
      algorithm,
      keyPem: readFileSync(join(dir, 'key.pem'), 'utf8'),
      certificatePem: readFileSync(join(dir, 'cert.pem'), 'utf8'),
      certificateDer: new Uint8Array(readFileSync(join(dir, 'cert.der'))),
      issuerName: issuer,
      serialDecimal: BigInt(`0x${serialHex}`).toString(10),
    };
  });
}

const escapeXml = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The enveloped XAdES-BES template: xmlsec1 fills the DigestValues, SignatureValue and X509Data. */
function signatureTemplate(signer: OpensslSigner, signingTime: Date): string {
  const method =
    signer.algorithm === 'EC'
      ? 'http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256'
      : 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256';
  const certDigest = createHash('sha256').update(signer.certificateDer).digest('base64');
  const sha256 = 'http://www.w3.org/2001/04/xmlenc#sha256';
  const excC14n = 'http://www.w3.org/2001/10/xml-exc-c14n#';
  return `<ds:Signature xmlns:ds="http://www.w3.org/2000/09/xmldsig#" Id="sig-1">
<ds:SignedInfo>
<ds:CanonicalizationMethod Algorithm="${excC14n}"/>
<ds:SignatureMethod Algorithm="${method}"/>
<ds:Reference URI="">
<ds:Transforms>
<ds:Transform Algorithm="http://www.w3.org/2000/09/xmldsig#enveloped-signature"/>
<ds:Transform Algorithm="${excC14n}"/>
</ds:Transforms>
<ds:DigestMethod Algorithm="${sha256}"/>
<ds:DigestValue/>
</ds:Reference>
<ds:Reference URI="#signed-properties-1" Type="http://uri.etsi.org/01903#SignedProperties">
<ds:Transforms>
<ds:Transform Algorithm="${excC14n}"/>
</ds:Transforms>
<ds:DigestMethod Algorithm="${sha256}"/>
<ds:DigestValue/>
</ds:Reference>
</ds:SignedInfo>
<ds:SignatureValue/>
<ds:KeyInfo>
<ds:X509Data/>
</ds:KeyInfo>
<ds:Object>
<xades:QualifyingProperties xmlns:xades="http://uri.etsi.org/01903/v1.3.2#" Target="#sig-1">
<xades:SignedProperties Id="signed-properties-1">
<xades:SignedSignatureProperties>
<xades:SigningTime>${signingTime.toISOString().replace(/\.\d{3}Z$/, 'Z')}</xades:SigningTime>
<xades:SigningCertificate>
<xades:Cert>
<xades:CertDigest>
<ds:DigestMethod Algorithm="${sha256}"/>
<ds:DigestValue>${certDigest}</ds:DigestValue>
</xades:CertDigest>
<xades:IssuerSerial>
<ds:X509IssuerName>${escapeXml(signer.issuerName)}</ds:X509IssuerName>
<ds:X509SerialNumber>${signer.serialDecimal}</ds:X509SerialNumber>
</xades:IssuerSerial>
</xades:Cert>
</xades:SigningCertificate>
</xades:SignedSignatureProperties>
</xades:SignedProperties>
</xades:QualifyingProperties>
</ds:Object>
</ds:Signature>
`;
}

/**
 * Signs an unsigned `AuthTokenRequest` as signing software would: the template goes in as the last
 * child of the root, then `xmlsec1 --sign --id-attr:Id SignedProperties --privkey-pem key,cert`.
 * Returns the file xmlsec1 wrote, byte for byte.
 */
export function signWithXmlsec1(unsignedXml: string, signer: OpensslSigner, signingTime: Date): Uint8Array {
  const closing = '</AuthTokenRequest>';
  const at = unsignedXml.lastIndexOf(closing);
  if (at === -1) throw new Error('Not an AuthTokenRequest');
  const template = `${unsignedXml.slice(0, at)}${signatureTemplate(signer, signingTime)}${unsignedXml.slice(at)}`;
  return inTempDir((dir) => {
    writeFileSync(join(dir, 'key.pem'), signer.keyPem);
    writeFileSync(join(dir, 'cert.pem'), signer.certificatePem);
    writeFileSync(join(dir, 'template.xml'), template);
    run(
      'xmlsec1',
      [
        '--sign',
        '--id-attr:Id',
        'SignedProperties',
        '--privkey-pem',
        'key.pem,cert.pem',
        '--output',
        'signed.xml',
        'template.xml',
      ],
      dir,
    );
    return new Uint8Array(readFileSync(join(dir, 'signed.xml')));
  });
}

/**
 * Adds a second enveloped signature to a file `signWithXmlsec1` made, as a second signer's software
 * would (the `two-signatures.xml` recipe in `tests/fixtures/README.md`): a plain XMLDSig template
 * before the first signature, signed by `xmlsec1 --sign --node-id sig-2`.
 */
export function signAgainWithXmlsec1(signedXml: Uint8Array, signer: OpensslSigner): Uint8Array {
  const text = new TextDecoder().decode(signedXml);
  const first = '<ds:Signature xmlns:ds="http://www.w3.org/2000/09/xmldsig#" Id="sig-1">';
  const at = text.indexOf(first);
  if (at === -1) throw new Error('No signature sig-1 to sign next to');
  const method =
    signer.algorithm === 'EC'
      ? 'http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256'
      : 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256';
  const second =
    '<ds:Signature xmlns:ds="http://www.w3.org/2000/09/xmldsig#" Id="sig-2"><ds:SignedInfo>' +
    '<ds:CanonicalizationMethod Algorithm="http://www.w3.org/2001/10/xml-exc-c14n#"/>' +
    `<ds:SignatureMethod Algorithm="${method}"/>` +
    '<ds:Reference URI=""><ds:Transforms><ds:Transform Algorithm="http://www.w3.org/2000/09/xmldsig#enveloped-signature"/></ds:Transforms>' +
    '<ds:DigestMethod Algorithm="http://www.w3.org/2001/04/xmlenc#sha256"/><ds:DigestValue/></ds:Reference>' +
    '</ds:SignedInfo><ds:SignatureValue/></ds:Signature>\n';
  return inTempDir((dir) => {
    writeFileSync(join(dir, 'key.pem'), signer.keyPem);
    writeFileSync(join(dir, 'two.xml'), `${text.slice(0, at)}${second}${text.slice(at)}`);
    run(
      'xmlsec1',
      [
        '--sign',
        '--id-attr:Id',
        'http://www.w3.org/2000/09/xmldsig#:Signature',
        '--node-id',
        'sig-2',
        '--privkey-pem',
        'key.pem',
        '--output',
        'signed.xml',
        'two.xml',
      ],
      dir,
    );
    return new Uint8Array(readFileSync(join(dir, 'signed.xml')));
  });
}
