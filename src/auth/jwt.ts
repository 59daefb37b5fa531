import { createSecretKey, type KeyObject } from "node:crypto";
import { SignJWT, jwtVerify, errors as joseErrors } from "jose";
import type { Config } from "../config";
import { givenOrKeptSecret } from "../data-dir-secret";

const ISSUER = "alliance-api";
const AUDIENCE = "alliance-api";
const ALGORITHM = "HS256";
// Clocks of the processes behind one load balancer may differ a little.
const CLOCK_TOLERANCE_SECONDS = 60;

export interface TokenClaims {
  userId: string;
  orgId: string;
}

export interface VerifiedClaims extends TokenClaims {
  // When the token was issued, in seconds since the epoch (its iat), to the millisecond.
  issuedAt: number;
}

// Built once at start: preparing the key per request would cost most of a request's budget.
export class TokenService {
  constructor(
    private readonly key: KeyObject,
    private readonly ttlSeconds: number,
  ) {}

  async sign(claims: TokenClaims): Promise<{ token: string; expiresAt: Date }> {
    // iat to the millisecond (a JWT's dates may have a fraction): a token issued in the second an
    // account was enabled again, or its organization reinstated, must still tell whether it came
    // before (resolve-viewer.ts, issuedSinceLastEnabled).
    const issuedAt = Date.now() / 1000;
    const expiresAt = Math.floor(issuedAt) + this.ttlSeconds;
    const token = await new SignJWT({ org: claims.orgId })
      .setProtectedHeader({ alg: ALGORITHM, typ: "JWT" })
      .setSubject(claims.userId)
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt(issuedAt)
      .setExpirationTime(expiresAt)
      .sign(this.key);
    return { token, expiresAt: new Date(expiresAt * 1000) };
  }

  // Returns null for every token that is not ours and valid: malformed, expired, wrongly signed,
  // unsigned (alg "none") or of another algorithm, issued in the future or longer ago than a
  // token lives (whatever its exp says: only a holder of the secret could write one, but the
  // secret is not the only line).
  async verify(token: string): Promise<VerifiedClaims | null> {
    try {
      const { payload } = await jwtVerify(token, this.key, {
        algorithms: [ALGORITHM],
        typ: "JWT",
        issuer: ISSUER,
        audience: AUDIENCE,
        requiredClaims: ["sub", "exp", "iat"],
        maxTokenAge: this.ttlSeconds,
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
      });
      if (typeof payload.sub !== "string" || typeof payload.org !== "string") return null;
      return { userId: payload.sub, orgId: payload.org, issuedAt: payload.iat! };
    } catch (error) {
      if (error instanceof joseErrors.JOSEError) return null;
      throw error;
    }
  }
}

// The signing secret: JWT_SECRET, or with the embedded database a random one made on first start
// and kept beside the data, so that tokens outlive a restart.
export function loadTokenService(config: Config): TokenService {
  const secret = givenOrKeptSecret(config.jwt.secret, config.dataDir, {
    fileName: "jwt-secret",
    replacing: "signs everyone out (every token issued so far stops working)",
  });
  return new TokenService(createSecretKey(Buffer.from(secret, "utf8")), config.jwt.ttlSeconds);
}
