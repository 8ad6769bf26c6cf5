import { exportJWK, generateKeyPair, SignJWT, UnsecuredJWT } from 'jose';
import { localKeys } from '../../../subgraphs/participation/auth/local-keys';
import { Role, Sector } from '../../../subgraphs/participation/entities/participation.enums';
import { bearer, codeOf, openParticipation, type Participation } from './participation';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

const HIDE = `mutation { hideReport(id: "1", reason: "spam") { report { id } } }`;
const REPORT = `mutation { reportProblem(input: { target: { type: STATE, id: "29" }, category: OTHER, body: "x" }) { report { id } } }`;
const ISSUER = 'follow-the-money';
const AUDIENCE = 'follow-the-money-participation';

describe('participation: tokens', () => {
  let participation: Participation;

  beforeAll(async () => {
    participation = await openParticipation();
    await participation.data(REPORT);
  });
  afterAll(() => participation.close());

  const moderatorClaims = { role: Role.MODERATOR };
  const sign = (key: Parameters<SignJWT['sign']>[0], alg: string, change: (jwt: SignJWT) => SignJWT = (jwt) => jwt) =>
    change(
      new SignJWT(moderatorClaims)
        .setProtectedHeader({ alg })
        .setSubject('mod-1')
        .setIssuer(ISSUER)
        .setAudience(AUDIENCE)
        .setExpirationTime('1h'),
    ).sign(key);

  it('the local key pair is created on first start, readable by its owner only', () => {
    for (const file of fs.readdirSync(participation.keyDirectory)) {
      expect(fs.statSync(path.join(participation.keyDirectory, file)).mode & 0o777).toBe(0o600);
    }
    expect(fs.statSync(participation.keyDirectory).mode & 0o777).toBe(0o700);
  });

  it('a token minted with the local key acts with its role', async () => {
    const token = await participation.token({ sub: 'mod-1', role: Role.MODERATOR });
    expect((await participation.send(HIDE, {}, bearer(token))).errors).toBeUndefined();
  });

  it('refuses forged, expired, wrong-audience, wrong-issuer, unsigned and HMAC tokens with UNAUTHENTICATED', async () => {
    const local = await localKeys(participation.keyDirectory);
    const other = await generateKeyPair('ES256');
    const refused = [
      await sign(other.privateKey, 'ES256'),
      await sign(local.privateKey, 'ES256', (jwt) => jwt.setExpirationTime(Math.floor(Date.now() / 1000) - 60)),
      await sign(local.privateKey, 'ES256', (jwt) => jwt.setAudience('another-api')),
      await sign(local.privateKey, 'ES256', (jwt) => jwt.setIssuer('someone-else')),
      new UnsecuredJWT(moderatorClaims).setSubject('mod-1').setIssuer(ISSUER).setAudience(AUDIENCE).setExpirationTime('1h').encode(),
      // The public key as an HMAC secret: the classic algorithm-confusion forgery.
      await sign(new TextEncoder().encode(JSON.stringify(await exportJWK(local.publicKey))), 'HS256'),
      // A valid signature over claims that name no usable role.
      await new SignJWT({ role: 'SUPERUSER' })
        .setProtectedHeader({ alg: 'ES256' })
        .setSubject('x')
        .setIssuer(ISSUER)
        .setAudience(AUDIENCE)
        .setExpirationTime('1h')
        .sign(local.privateKey),
      await new SignJWT({ role: Role.SECRETARIAT_MEMBER, sector: Sector.GOVERNMENT })
        .setProtectedHeader({ alg: 'ES256' })
        .setSubject('x')
        .setIssuer(ISSUER)
        .setAudience(AUDIENCE)
        .setExpirationTime('1h')
        .sign(local.privateKey),
    ];
    for (const token of refused) {
      const result = await participation.send(HIDE, {}, bearer(token));
      expect(codeOf(result)).toBe('UNAUTHENTICATED');
      expect(JSON.stringify(result)).not.toContain(token);
    }
    expect(codeOf(await participation.send(HIDE, {}, { authorization: 'Basic bW9kOm1vZA==' }))).toBe('UNAUTHENTICATED');
    // A bad token is refused even where no token is needed: it is never quietly treated as anonymous.
    expect(codeOf(await participation.send(REPORT, {}, bearer(refused[0])))).toBe('UNAUTHENTICATED');
  });

  it('a valid token outside its role is FORBIDDEN', async () => {
    const member = await participation.token({ sub: 'm', role: Role.SECRETARIAT_MEMBER, state: '29', sector: Sector.GOVERNMENT });
    expect(codeOf(await participation.send(HIDE, {}, bearer(member)))).toBe('FORBIDDEN');
    expect(codeOf(await participation.send('{ auditLog { totalCount } }', {}, bearer(member)))).toBe('FORBIDDEN');
  });
});

describe('participation: tokens of an OpenID Connect provider (PARTICIPATION_JWKS_URL)', () => {
  it("accepts the provider's tokens and refuses locally minted ones", async () => {
    const provider = await generateKeyPair('RS256');
    const jwks = { keys: [{ ...(await exportJWK(provider.publicKey)), kid: 'provider-1', alg: 'RS256', use: 'sig' }] };
    const server = http.createServer((_req, res) => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify(jwks));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const participation = await openParticipation({
      PARTICIPATION_JWKS_URL: `http://127.0.0.1:${port}/.well-known/jwks.json`,
      PARTICIPATION_TOKEN_ISSUER: 'https://login.example.org/',
      PARTICIPATION_TOKEN_AUDIENCE: 'ftm-api',
    });
    try {
      await participation.data(REPORT);
      const fromProvider = await new SignJWT({ role: Role.MODERATOR })
        .setProtectedHeader({ alg: 'RS256', kid: 'provider-1' })
        .setSubject('oidc|123')
        .setIssuer('https://login.example.org/')
        .setAudience('ftm-api')
        .setExpirationTime('5m')
        .sign(provider.privateKey);
      expect((await participation.send(HIDE, {}, bearer(fromProvider))).errors).toBeUndefined();
      const local = await participation.token({ sub: 'mod-1', role: Role.MODERATOR });
      expect(codeOf(await participation.send(HIDE, {}, bearer(local)))).toBe('UNAUTHENTICATED');
    } finally {
      await participation.close();
      server.close();
    }
  });
});
