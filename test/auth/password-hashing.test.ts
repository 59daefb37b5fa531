import { hashPassword, verifyPassword } from "../../src/auth/password";
import { ApiError } from "../../src/errors";

// Hashing is scrypt on libuv's shared threads: at most two at once, sixteen more in line, and past
// that a sign-in is refused for a moment rather than queued without end; one client holds at most
// three of those places.
const refusedOf = (attempts: PromiseSettledResult<boolean>[]) => attempts.filter((a): a is PromiseRejectedResult => a.status === "rejected");

describe("password hashing under a burst", () => {
  it("hashes two at a time with sixteen waiting, refuses the rest with RATE_LIMITED, and verifies what it hashed", async () => {
    const stored = await hashPassword("a long enough password");
    const attempts = await Promise.allSettled(
      Array.from({ length: 30 }, (_, i) => verifyPassword(i === 0 ? "a long enough password" : `wrong ${i}`, stored, `client ${i}`)),
    );
    const refused = refusedOf(attempts);
    expect(refused).toHaveLength(30 - 18);
    for (const { reason } of refused) {
      expect(reason).toBeInstanceOf(ApiError);
      expect((reason as ApiError).extensions).toMatchObject({ code: "RATE_LIMITED", retryAfterSeconds: 1 });
    }
    expect(attempts.map((a) => (a.status === "fulfilled" ? a.value : "refused")).slice(0, 18)).toEqual([true, ...Array(17).fill(false)]);
    // Once the burst is through, the next is hashed at once.
    expect(await verifyPassword("a long enough password", stored, "client 0")).toBe(true);
  });

  it("gives one client three places in line, so that its flood leaves room for everyone else", async () => {
    const stored = await hashPassword("a long enough password");
    const flood = Array.from({ length: 30 }, (_, i) => verifyPassword(`wrong ${i}`, stored, "flooding client"));
    const others = Array.from({ length: 10 }, (_, i) => verifyPassword("a long enough password", stored, `client ${i}`));
    const [flooded, served] = [await Promise.allSettled(flood), await Promise.allSettled(others)];
    const refused = refusedOf(flooded);
    expect(refused).toHaveLength(27);
    expect((refused[0].reason as ApiError).message).toBe("Too many sign-ins at once from your address; retry in a second");
    expect(served.map((a) => (a.status === "fulfilled" ? a.value : "refused"))).toEqual(Array(10).fill(true));
  });
});
