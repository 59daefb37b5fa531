import { createSecretKey, randomBytes, type KeyObject } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { SignJWT, jwtVerify, errors as joseErrors } from "jose";
import type { Config } from "../config";

const ISSUER = "alliance-api";
const AUDIENCE = "alliance-api";
const ALGORITHM = "HS256";

export interface TokenClaims {
  userId: string;
  orgId: string;
}

// Built once at start: preparing the key per request would cost most of a request's budget.
export class TokenService {
  constructor(
    private readonly key: KeyObject,
    private readonly ttlSeconds: number,
  ) {}

  async sign(claims: TokenClaims): Promise<{ token: string; expiresAt: Date }> {
    const now = Math.floor(Date.now() / 1000);
    const token = await new SignJWT({ org: claims.orgId })
      .setProtectedHeader({ alg: ALGORITHM, typ: "JWT" })
      .setSubject(claims.userId)
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt(now)
      .setExpirationTime(now + this.ttlSeconds)
      .sign(this.key);
    return { token, expiresAt: new Date((now + this.ttlSeconds) * 1000) };
  }

  // Returns null for every token that is not ours and valid: malformed, expired, wrongly signed,
  // unsigned (alg "none") or of another algorithm.
  async verify(token: string): Promise<TokenClaims | null> {
    try {
      const { payload } = await jwtVerify(token, this.key, {
        algorithms: [ALGORITHM],
        issuer: ISSUER,
        audience: AUDIENCE,
        requiredClaims: ["sub", "exp", "iat"],
      });
      if (typeof payload.sub !== "string" || typeof payload.org !== "string") return null;
      return { userId: payload.sub, orgId: payload.org };
    } catch (error) {
      if (error instanceof joseErrors.JOSEError) return null;
      throw error;
    }
  }
}

// The signing secret: JWT_SECRET, or with the embedded database a random one made on first start
// and kept beside the data, so that tokens outlive a restart.
export function loadTokenService(config: Config): TokenService {
  return new TokenService(createSecretKey(Buffer.from(resolveSecret(config), "utf8")), config.jwt.ttlSeconds);
}

function resolveSecret(config: Config): string {
  if (config.jwt.secret) return config.jwt.secret;
  const file = join(config.dataDir, "jwt-secret");
  if (!existsSync(file)) {
    mkdirSync(config.dataDir, { recursive: true });
    writeFileSync(file, randomBytes(48).toString("base64url"), { mode: 0o600 });
  }
  return readFileSync(file, "utf8").trim();
}
