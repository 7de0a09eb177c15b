/**
 * The Time-Stamp Protocol of RFC 3161, as much of it as otkaz speaks: a TimeStampReq (version 1, a SHA-256 message
 * imprint, a random nonce, certReq true, no policy) and the TimeStampResp it gets back, read with asn1js (the ASN.1
 * library of PKI.js and @peculiar/asn1-*). On receipt the answer is checked: status granted (or grantedWithMods), a
 * time-stamp token that is CMS SignedData over a TSTInfo, whose imprint and nonce are the ones asked for — each
 * failure a coded error. The token's signature is not checked here: `openssl ts -verify` does that against the
 * TSA's CA certificate (src/courts/archive/stamp.ts), as anyone can offline.
 */
import { randomBytes } from 'node:crypto';
import * as asn1js from 'asn1js';
import { ErrorCode, OtkazError } from '../../shared/errors.ts';

export const OID_SHA256 = '2.16.840.1.101.3.4.2.1';
const OID_SIGNED_DATA = '1.2.840.113549.1.7.2';
const OID_TST_INFO = '1.2.840.113549.1.9.16.1.4';

/** The media types of RFC 3161 section 3.4 (time-stamp protocol via HTTP). */
export const TIMESTAMP_QUERY = 'application/timestamp-query';
export const TIMESTAMP_REPLY = 'application/timestamp-reply';

export interface TimeStampRequest {
  /** The DER bytes to POST. */
  der: Uint8Array;
  /** The SHA-256 value the token is to cover. */
  imprint: Uint8Array;
  nonce: bigint;
}

/** A positive 63-bit nonce: unpredictable, and small enough for any TSA's integer handling. */
export function randomNonce(): bigint {
  return randomBytes(8).readBigUInt64BE() >> 1n || 1n;
}

/** TimeStampReq ::= SEQUENCE { version v1, messageImprint, nonce, certReq TRUE } with SHA-256. */
export function timeStampRequest(imprint: Uint8Array, nonce: bigint = randomNonce()): TimeStampRequest {
  if (imprint.byteLength !== 32) throw new RangeError('a SHA-256 imprint is 32 bytes');
  const request = new asn1js.Sequence({
    value: [new asn1js.Integer({ value: 1 }), messageImprint(imprint), asn1js.Integer.fromBigInt(nonce), new asn1js.Boolean({ value: true })],
  });
  return { der: new Uint8Array(request.toBER(false)), imprint, nonce };
}

function messageImprint(imprint: Uint8Array): asn1js.Sequence {
  return new asn1js.Sequence({
    value: [
      new asn1js.Sequence({ value: [new asn1js.ObjectIdentifier({ value: OID_SHA256 }), new asn1js.Null()] }),
      new asn1js.OctetString({ valueHex: imprint }),
    ],
  });
}

/** PKIStatus values (RFC 3161 2.4.2). */
const STATUS_NAMES = ['granted', 'grantedWithMods', 'rejection', 'waiting', 'revocationWarning', 'revocationNotification'] as const;
/** PKIFailureInfo bits that RFC 3161 names. */
const FAILURE_BITS: Record<number, string> = {
  0: 'badAlg',
  2: 'badRequest',
  5: 'badDataFormat',
  14: 'timeNotAvailable',
  15: 'unacceptedPolicy',
  16: 'unacceptedExtension',
  17: 'addInfoNotAvailable',
  25: 'systemFailure',
};

/** What a token says (its TSTInfo), as read. */
export interface TstInfo {
  policy: string;
  /** The serial number, in hexadecimal. */
  serial: string;
  genTime: Date;
  hashAlgorithm: string;
  imprint: Uint8Array;
  nonce: bigint | null;
}

export interface TimeStampResponse {
  status: number;
  statusName: string;
  statusText: string[];
  failures: string[];
  /** The time-stamp token (CMS ContentInfo), exactly as received; null when the TSA sent none. */
  token: Uint8Array | null;
  tstInfo: TstInfo | null;
}

function invalid(message: string): OtkazError {
  return new OtkazError(ErrorCode.TimestampInvalid, `not a valid RFC 3161 answer: ${message}`);
}

function decode(bytes: Uint8Array, what: string): asn1js.AsnType {
  const { offset, result } = asn1js.fromBER(bytes);
  if (offset === -1 || result.error) throw invalid(`${what} does not decode (${result.error || 'bad BER'})`);
  if (offset !== bytes.byteLength) throw invalid(`${what} has ${bytes.byteLength - offset} trailing bytes`);
  return result;
}

function isContext(node: asn1js.AsnType | undefined, tag: number): boolean {
  return node !== undefined && node.idBlock.tagClass === 3 && node.idBlock.tagNumber === tag;
}

function items(node: asn1js.AsnType | undefined, what: string): asn1js.AsnType[] {
  if (node instanceof asn1js.Sequence) return node.valueBlock.value;
  throw invalid(`${what} is not a SEQUENCE`);
}

function setItems(node: asn1js.AsnType | undefined, what: string): asn1js.AsnType[] {
  if (node instanceof asn1js.Set) return node.valueBlock.value;
  throw invalid(`${what} is not a SET`);
}

/** The content of an explicitly tagged [tag] value. */
function explicit(node: asn1js.AsnType | undefined, tag: number, what: string): asn1js.AsnType {
  if (node instanceof asn1js.Constructed && isContext(node, tag) && node.valueBlock.value.length === 1) return node.valueBlock.value[0] as asn1js.AsnType;
  throw invalid(`${what} is not an explicit [${tag}] value`);
}

function integer(node: asn1js.AsnType | undefined, what: string): asn1js.Integer {
  if (node instanceof asn1js.Integer) return node;
  throw invalid(`${what} is not an INTEGER`);
}

function oid(node: asn1js.AsnType | undefined, what: string): string {
  if (node instanceof asn1js.ObjectIdentifier) return node.valueBlock.toString();
  throw invalid(`${what} is not an OBJECT IDENTIFIER`);
}

function octets(node: asn1js.AsnType | undefined, what: string): Uint8Array {
  if (node instanceof asn1js.OctetString) return new Uint8Array(node.getValue());
  throw invalid(`${what} is not an OCTET STRING`);
}

function raw(node: asn1js.AsnType): Uint8Array {
  return new Uint8Array(node.valueBeforeDecodeView);
}

/** Reads a TimeStampResp (RFC 3161 2.4.2). Throws `archive.timestamp_invalid` when it is not one. */
export function parseTimeStampResponse(bytes: Uint8Array): TimeStampResponse {
  const top = items(decode(bytes, 'the answer'), 'TimeStampResp');
  const statusInfo = items(top[0], 'PKIStatusInfo');
  const status = integer(statusInfo[0], 'PKIStatus').valueBlock.valueDec;
  const statusText: string[] = [];
  const failures: string[] = [];
  for (const part of statusInfo.slice(1)) {
    if (part instanceof asn1js.Sequence) {
      for (const text of part.valueBlock.value) if (text instanceof asn1js.Utf8String) statusText.push(text.valueBlock.value);
    } else if (part instanceof asn1js.BitString) {
      const bits = new Uint8Array(part.valueBlock.valueHexView);
      for (let bit = 0; bit < bits.byteLength * 8; bit += 1) {
        if (((bits[bit >> 3] ?? 0) >> (7 - (bit & 7))) & 1) failures.push(FAILURE_BITS[bit] ?? `bit ${bit}`);
      }
    }
  }
  const tokenNode = top[1];
  const token = tokenNode ? raw(tokenNode) : null;
  return {
    status,
    statusName: STATUS_NAMES[status] ?? `status ${status}`,
    statusText,
    failures,
    token,
    tstInfo: token ? readToken(token) : null,
  };
}

/** The TSTInfo inside a time-stamp token: ContentInfo → SignedData → encapContentInfo (id-ct-TSTInfo) → TSTInfo. */
export function readToken(token: Uint8Array): TstInfo {
  const contentInfo = items(decode(token, 'the time-stamp token'), 'ContentInfo');
  if (oid(contentInfo[0], 'contentType') !== OID_SIGNED_DATA) throw invalid('the token is not CMS SignedData');
  const signedData = items(explicit(contentInfo[1], 0, 'content'), 'SignedData');
  setItems(signedData[1], 'digestAlgorithms');
  const encap = items(signedData[2], 'encapContentInfo');
  if (oid(encap[0], 'eContentType') !== OID_TST_INFO) throw invalid('the signed content is not a TSTInfo');
  setItems(signedData[signedData.length - 1], 'signerInfos');
  const tst = items(decode(octets(explicit(encap[1], 0, 'eContent'), 'eContent'), 'the TSTInfo'), 'TSTInfo');
  const imprint = items(tst[2], 'messageImprint');
  const genTime = tst[4];
  if (!(genTime instanceof asn1js.GeneralizedTime)) throw invalid('genTime is not a GeneralizedTime');
  // After genTime: accuracy (SEQUENCE), ordering (BOOLEAN), nonce (INTEGER), tsa [0], extensions [1], all optional.
  const nonceNode = tst.slice(5).find((node) => node instanceof asn1js.Integer);
  return {
    policy: oid(tst[1], 'policy'),
    serial: Buffer.from(integer(tst[3], 'serialNumber').valueBlock.valueHexView).toString('hex'),
    genTime: genTime.toDate(),
    hashAlgorithm: oid(items(imprint[0], 'hashAlgorithm')[0], 'hashAlgorithm'),
    imprint: octets(imprint[1], 'hashedMessage'),
    nonce: nonceNode ? integer(nonceNode, 'nonce').toBigInt() : null,
  };
}

/**
 * Checks an answer against its request: granted, with a token whose imprint (SHA-256) and nonce are the request's.
 * Returns the token and what it says; throws `archive.timestamp_refused` (the TSA said no) or
 * `archive.timestamp_mismatch` (a token for something else).
 */
export function acceptResponse(response: TimeStampResponse, request: TimeStampRequest, where: string): { token: Uint8Array; tstInfo: TstInfo } {
  if (response.status !== 0 && response.status !== 1) {
    const why = [...response.failures, ...response.statusText].join('; ');
    throw new OtkazError(ErrorCode.TimestampRefused, `the time-stamping authority answered ${response.statusName}${why ? `: ${why}` : ''}`, {
      where,
      details: { status: response.statusName, failures: response.failures },
    });
  }
  if (!response.token || !response.tstInfo) throw new OtkazError(ErrorCode.TimestampRefused, 'the answer grants a time stamp but holds no token', { where });
  const info = response.tstInfo;
  if (info.hashAlgorithm !== OID_SHA256)
    throw new OtkazError(ErrorCode.TimestampMismatch, `the token's imprint is not SHA-256 (${info.hashAlgorithm})`, { where });
  if (Buffer.compare(Buffer.from(info.imprint), Buffer.from(request.imprint)) !== 0)
    throw new OtkazError(ErrorCode.TimestampMismatch, 'the token covers another message imprint than the one asked for', { where });
  if (info.nonce !== request.nonce)
    throw new OtkazError(ErrorCode.TimestampMismatch, "the token's nonce is not the request's (a replayed or foreign answer)", { where });
  return { token: response.token, tstInfo: info };
}
