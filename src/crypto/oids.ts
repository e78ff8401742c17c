/** Every object identifier the app uses, as a named constant (RFC names). */
export const OID = {
  // Public key algorithms (RFC 3279, RFC 5480)
  rsaEncryption: '1.2.840.113549.1.1.1',
  idEcPublicKey: '1.2.840.10045.2.1',
  idDsa: '1.2.840.10040.4.1',
  idEd25519: '1.3.101.112',
  idEd448: '1.3.101.113',
  idX25519: '1.3.101.110',
  idX448: '1.3.101.111',
  idRsassaPss: '1.2.840.113549.1.1.10',

  // Named curves (RFC 5480 §2.1.1.1)
  secp256r1: '1.2.840.10045.3.1.7',
  secp384r1: '1.3.132.0.34',
  secp521r1: '1.3.132.0.35',
  // Curves we name in errors but do not read (SEC 2, RFC 5639)
  secp256k1: '1.3.132.0.10',
  secp224r1: '1.3.132.0.33',
  prime192v1: '1.2.840.10045.3.1.1',
  brainpoolP256r1: '1.3.36.3.3.2.8.1.1.7',
  brainpoolP384r1: '1.3.36.3.3.2.8.1.1.11',
  brainpoolP512r1: '1.3.36.3.3.2.8.1.1.13',
  // Explicit curve parameters (SEC 1 §C.2, `openssl ec -param_enc explicit`)
  primeField: '1.2.840.10045.1.1',

  // Signature algorithms (RFC 5758, RFC 4055)
  ecdsaWithSha256: '1.2.840.10045.4.3.2',
  ecdsaWithSha384: '1.2.840.10045.4.3.3',
  ecdsaWithSha512: '1.2.840.10045.4.3.4',
  ecdsaWithSha1: '1.2.840.10045.4.1',
  sha256WithRsaEncryption: '1.2.840.113549.1.1.11',
  sha384WithRsaEncryption: '1.2.840.113549.1.1.12',
  sha512WithRsaEncryption: '1.2.840.113549.1.1.13',
  sha1WithRsaEncryption: '1.2.840.113549.1.1.5',
  mgf1: '1.2.840.113549.1.1.8',

  // Hashes (NIST)
  sha1: '1.3.14.3.2.26',
  sha256: '2.16.840.1.101.3.4.2.1',
  sha384: '2.16.840.1.101.3.4.2.2',
  sha512: '2.16.840.1.101.3.4.2.3',

  // PKCS#5 v2.1 (RFC 8018)
  pbes2: '1.2.840.113549.1.5.13',
  pbkdf2: '1.2.840.113549.1.5.12',
  hmacWithSha1: '1.2.840.113549.2.7',
  hmacWithSha256: '1.2.840.113549.2.9',
  hmacWithSha384: '1.2.840.113549.2.10',
  hmacWithSha512: '1.2.840.113549.2.11',
  aes128Cbc: '2.16.840.1.101.3.4.1.2',
  aes192Cbc: '2.16.840.1.101.3.4.1.22',
  aes256Cbc: '2.16.840.1.101.3.4.1.42',
  desEde3Cbc: '1.2.840.113549.3.7',
  rc2Cbc: '1.2.840.113549.3.2',
  desCbc: '1.3.14.3.2.7',
  // scrypt as a PBES2 key derivation function (RFC 7914 §7)
  scrypt: '1.3.6.1.4.1.11591.4.11',
  // PBES1 (RFC 8018 §6.1, Appendix A.3), legacy
  pbeWithMd2AndDesCbc: '1.2.840.113549.1.5.1',
  pbeWithMd5AndDesCbc: '1.2.840.113549.1.5.3',
  pbeWithMd2AndRc2Cbc: '1.2.840.113549.1.5.4',
  pbeWithMd5AndRc2Cbc: '1.2.840.113549.1.5.6',
  pbeWithSha1AndDesCbc: '1.2.840.113549.1.5.10',
  pbeWithSha1AndRc2Cbc: '1.2.840.113549.1.5.11',

  // PKCS#12 (RFC 7292)
  pbeWithShaAnd128BitRc4: '1.2.840.113549.1.12.1.1',
  pbeWithShaAnd40BitRc4: '1.2.840.113549.1.12.1.2',
  pbeWithShaAnd3KeyTripleDesCbc: '1.2.840.113549.1.12.1.3',
  pbeWithShaAnd2KeyTripleDesCbc: '1.2.840.113549.1.12.1.4',
  pbeWithShaAnd128BitRc2Cbc: '1.2.840.113549.1.12.1.5',
  pbewithShaAnd40BitRc2Cbc: '1.2.840.113549.1.12.1.6',
  keyBag: '1.2.840.113549.1.12.10.1.1',
  pkcs8ShroudedKeyBag: '1.2.840.113549.1.12.10.1.2',
  certBag: '1.2.840.113549.1.12.10.1.3',
  x509Certificate: '1.2.840.113549.1.9.22.1',
  friendlyName: '1.2.840.113549.1.9.20',
  localKeyId: '1.2.840.113549.1.9.21',

  // CMS content types (RFC 5652)
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  envelopedData: '1.2.840.113549.1.7.3',
  encryptedData: '1.2.840.113549.1.7.6',

  // Attribute types (X.520, RFC 5280)
  commonName: '2.5.4.3',
  surname: '2.5.4.4',
  serialNumber: '2.5.4.5',
  countryName: '2.5.4.6',
  localityName: '2.5.4.7',
  stateOrProvinceName: '2.5.4.8',
  streetAddress: '2.5.4.9',
  organizationName: '2.5.4.10',
  organizationalUnitName: '2.5.4.11',
  title: '2.5.4.12',
  givenName: '2.5.4.42',
  initials: '2.5.4.43',
  generationQualifier: '2.5.4.44',
  uniqueIdentifier: '2.5.4.45',
  dnQualifier: '2.5.4.46',
  pseudonym: '2.5.4.65',
  organizationIdentifier: '2.5.4.97',
  emailAddress: '1.2.840.113549.1.9.1',
  domainComponent: '0.9.2342.19200300.100.1.25',
  userId: '0.9.2342.19200300.100.1.1',

  // Certificate extensions (RFC 5280 §4.2)
  keyUsage: '2.5.29.15',
  basicConstraints: '2.5.29.19',
  extKeyUsage: '2.5.29.37',
  subjectKeyIdentifier: '2.5.29.14',
  authorityKeyIdentifier: '2.5.29.35',
  crlDistributionPoints: '2.5.29.31',

  // CRL entry extensions (RFC 5280 §5.3)
  cRLReason: '2.5.29.21',
} as const;
