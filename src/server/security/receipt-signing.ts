import { createPrivateKey, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';

// 受理回执 are signed with Ed25519 so that anyone holding the public key can verify, later and offline, what
// was submitted and when. The key comes from config (RECEIPT_PRIVATE_KEY, or one kept in DATA_DIR).

/** JSON with object keys sorted at every depth: the bytes that are signed. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export class ReceiptSigner {
  readonly publicKeyPem: string;

  constructor(private readonly privateKey: KeyObject) {
    this.publicKeyPem = createPublicKey(privateKey).export({ type: 'spki', format: 'pem' }).toString();
  }

  static fromPem(privateKeyPem: string): ReceiptSigner {
    return new ReceiptSigner(createPrivateKey(privateKeyPem));
  }

  sign(payload: unknown): string {
    return sign(null, Buffer.from(canonicalJson(payload)), this.privateKey).toString('base64');
  }
}

export function verifyReceipt(payload: unknown, signature: string, publicKeyPem: string): boolean {
  try {
    return verify(null, Buffer.from(canonicalJson(payload)), publicKeyPem, Buffer.from(signature, 'base64'));
  } catch {
    return false;
  }
}
