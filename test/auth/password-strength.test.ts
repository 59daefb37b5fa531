import { checkPasswordStrength } from "../../src/auth/password-strength";

// Twelve characters are not enough on their own: a password a cracker's list or rules find first is
// refused, saying why; one that takes long to guess passes, however plain its characters.
describe("checkPasswordStrength", () => {
  it.each([
    ["a common password with digits", "password1234", /commonly used password/],
    ["a repeated character", "aaaaaaaaaaaa", /Repeated characters/],
    ["a keyboard walk", "qwertyuiop12", /commonly used password/],
    ["digits in order", "123456789012", /commonly used password/],
    ["a repeated word", "letmeinletmein", /Repeated character patterns/],
  ])("refuses %s as too easy to guess, with the reason", async (_, password, reason) => {
    await expect(checkPasswordStrength(password, [])).rejects.toMatchObject({
      message: expect.stringMatching(/^The password is too easy to guess: /),
      extensions: { code: "BAD_USER_INPUT" },
    });
    await expect(checkPasswordStrength(password, [])).rejects.toThrow(reason);
  });

  it("refuses the account's own e-mail as its password, which it accepts for another account", async () => {
    const password = "jane.doe@swatch.test";
    await expect(checkPasswordStrength(password, ["someone@example.com"])).resolves.toBeUndefined();
    await expect(checkPasswordStrength(password, ["jane.doe@swatch.test", "Jane Doe", "Swatch Group"])).rejects.toMatchObject({
      extensions: { code: "BAD_USER_INPUT" },
    });
  });

  it.each(["correct horse battery staple", "a long enough password", "mJ8#vq2LpX0z"])("accepts a password that takes long to guess: %s", async (password) => {
    await expect(checkPasswordStrength(password, ["someone@example.com"])).resolves.toBeUndefined();
  });

  it("judges a long password by its first 64 characters", async () => {
    await expect(checkPasswordStrength(`${"1234567890".repeat(7)}Tr0ub4dor&3 staple`, [])).rejects.toMatchObject({ extensions: { code: "BAD_USER_INPUT" } });
    await expect(checkPasswordStrength(`Tr0ub4dor&3 staple 7x${"1".repeat(100)}`, [])).resolves.toBeUndefined();
  });
});
