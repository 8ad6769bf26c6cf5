import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { calculateJwkThumbprint, exportJWK, generateKeyPair, importJWK, type JWK, type KeyLike } from 'jose';

/** The signing algorithm of the local key pair (ECDSA P-256: small keys and tokens). */
export const LOCAL_ALGORITHM = 'ES256';
const PRIVATE_KEY_FILE = 'token-signing.jwk.json';
const CLIENT_SECRET_FILE = 'client-secret';

export interface LocalKeys {
  privateKey: KeyLike | Uint8Array;
  publicKey: KeyLike | Uint8Array;
  kid: string;
  /** Keys the hash under which a client's address is kept (one flag per client, no address stored). */
  clientSecret: Buffer;
}

/** Writes a file only its owner can read, refusing to overwrite one a concurrent start wrote first. */
function writeSecretFile(file: string, content: string): void {
  try {
    fs.writeFileSync(file, content, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
}

/**
 * The project's own key pair and client secret, created in `directory` on first start (mode 0600 in a 0700 folder,
 * outside git: `.data/` is ignored). Tokens of `npm run token` are signed with it unless a JWKS URL is configured.
 */
export async function ensureLocalKeys(directory: string): Promise<LocalKeys> {
  fs.mkdirSync(directory, { recursive: true, mode: 0o700 });
  const keyFile = path.join(directory, PRIVATE_KEY_FILE);
  const secretFile = path.join(directory, CLIENT_SECRET_FILE);
  if (!fs.existsSync(keyFile)) {
    const { privateKey } = await generateKeyPair(LOCAL_ALGORITHM, { extractable: true });
    const jwk = await exportJWK(privateKey);
    writeSecretFile(keyFile, `${JSON.stringify({ ...jwk, alg: LOCAL_ALGORITHM, kid: await calculateJwkThumbprint(jwk) })}\n`);
  }
  if (!fs.existsSync(secretFile)) writeSecretFile(secretFile, `${crypto.randomBytes(32).toString('hex')}\n`);
  const jwk = JSON.parse(fs.readFileSync(keyFile, 'utf8')) as JWK & { kid: string };
  const { d: _private, ...publicJwk } = jwk;
  return {
    privateKey: await importJWK(jwk, LOCAL_ALGORITHM),
    publicKey: await importJWK(publicJwk, LOCAL_ALGORITHM),
    kid: jwk.kid,
    clientSecret: Buffer.from(fs.readFileSync(secretFile, 'utf8').trim(), 'hex'),
  };
}

const loaded = new Map<string, Promise<LocalKeys>>();

/** The keys of a directory, read once per process. */
export function localKeys(directory: string): Promise<LocalKeys> {
  let keys = loaded.get(directory);
  if (!keys) {
    keys = ensureLocalKeys(directory);
    keys.catch(() => loaded.delete(directory));
    loaded.set(directory, keys);
  }
  return keys;
}
