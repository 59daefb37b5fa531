import { hashPassword, verifyPassword } from "../../src/auth/password";
import { ApiError } from "../../src/errors";

// Hashing is scrypt on libuv's shared threads: at most two at once, sixteen more in line, and past
// that a sign-in is refused for a moment rather than queued without end.
describe("password hashing under a burst", () => {
  it("hashes two at a time with sixteen waiting, refuses the rest with RATE_LIMITED, and verifies what it hashed", async () => {
    const stored = await hashPassword("a long enough password");
    const attempts = await Promise.allSettled(Array.from({ length: 30 }, (_, i) => verifyPassword(i === 0 ? "a long enough password" : `wrong ${i}`, stored)));
    const refused = attempts.filter((a): a is PromiseRejectedResult => a.status === "rejected");
    expect(refused).toHaveLength(30 - 18);
    for (const { reason } of refused) {
      expect(reason).toBeInstanceOf(ApiError);
      expect((reason as ApiError).extensions).toMatchObject({ code: "RATE_LIMITED", retryAfterSeconds: 1 });
    }
    expect(attempts.map((a) => (a.status === "fulfilled" ? a.value : "refused")).slice(0, 18)).toEqual([true, ...Array(17).fill(false)]);
    // Once the burst is through, the next is hashed at once.
    expect(await verifyPassword("a long enough password", stored)).toBe(true);
  });
});
