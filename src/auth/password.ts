import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from "node:crypto";
import { ApiError, badInput, ErrorCode } from "../errors";
import { WorkLine } from "../work-line";

// scrypt is memory-hard and built into Node. N=2^15, r=8 costs 32 MiB and ~60 ms a hash here.
const PARAMS = { N: 2 ** 15, r: 8, p: 1 };
const KEY_LENGTH = 32;
// Passwords are set at 12 to 200 characters; a longer one is no one's, and costs no hash.
export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 200;

// Sign-ins and invitation acceptances are anonymous, and each costs a hash on libuv's four
// threads, which every file and DNS call shares: a client spraying addresses (the sign-in
// throttle counts per address) would take them all, and 32 MiB each. At most this many hash at
// once, this many more wait their turn, and past that a sign-in is refused for a moment.
// One client (an address; TRUST_PROXY says whose) has at most PER_CLIENT of those places at once:
// else one client alone filled the line, and every other sign-in was refused while it kept it full.
const HASHING_AT_ONCE = 2;
const WAITING_AT_MOST = 16;
const PER_CLIENT = 3;
const hashes = new WorkLine(HASHING_AT_ONCE, WAITING_AT_MOST, "Too many sign-ins at once; retry in a second");
const placesOf = new Map<string, number>();

async function inTurn<T>(work: () => Promise<T>, client: string | null): Promise<T> {
  if (client === null) return hashes.inTurn(work);
  const places = placesOf.get(client) ?? 0;
  if (places >= PER_CLIENT) {
    throw new ApiError(ErrorCode.RATE_LIMITED, "Too many sign-ins at once from your address; retry in a second", { retryAfterSeconds: 1 });
  }
  placesOf.set(client, places + 1);
  try {
    return await hashes.inTurn(work);
  } finally {
    const left = placesOf.get(client)! - 1;
    if (left === 0) placesOf.delete(client);
    else placesOf.set(client, left);
  }
}

function derive(password: string, salt: Buffer, params: { N: number; r: number; p: number }, client: string | null): Promise<Buffer> {
  const options: ScryptOptions = { ...params, maxmem: 128 * params.N * params.r * 2 };
  return inTurn(
    () => new Promise((resolve, reject) => scrypt(password, salt, KEY_LENGTH, options, (err, key) => (err ? reject(err) : resolve(key)))),
    client,
  );
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, PARAMS, null);
  return `scrypt$${PARAMS.N}$${PARAMS.r}$${PARAMS.p}$${salt.toString("base64")}$${key.toString("base64")}`;
}

// `client`: who asks, for a sign-in anyone may send (null: no one to hold to a share of the line).
export async function verifyPassword(password: string, stored: string, client: string | null): Promise<boolean> {
  const [algorithm, n, r, p, salt, key] = stored.split("$");
  if (algorithm !== "scrypt" || !key) return false;
  const expected = Buffer.from(key, "base64");
  const actual = await derive(password, Buffer.from(salt, "base64"), { N: Number(n), r: Number(r), p: Number(p) }, client);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

// A password someone sets (accepting an invitation, changing their own): BAD_USER_INPUT otherwise.
export function checkNewPassword(password: string): void {
  if (password.length < MIN_PASSWORD_LENGTH || password.length > MAX_PASSWORD_LENGTH) {
    throw badInput(`A password must be ${MIN_PASSWORD_LENGTH} to ${MAX_PASSWORD_LENGTH} characters`);
  }
  // Twelve spaces are twelve characters, and no secret.
  if (password.trim().length === 0) throw badInput("A password must hold more than spaces");
}

// Compared against when the email is unknown, so that a wrong email costs as long as a wrong password.
export const UNKNOWN_USER_HASH = `scrypt$${PARAMS.N}$${PARAMS.r}$${PARAMS.p}$${Buffer.alloc(16).toString("base64")}$${Buffer.alloc(KEY_LENGTH).toString("base64")}`;
