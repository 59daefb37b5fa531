import type { ZxcvbnFactory } from "@zxcvbn-ts/core";
import { badInput } from "../errors";

// zxcvbn's estimate (common passwords, words, names, dates, keyboard walks, repeats, l33t spellings)
// of how many guesses a password takes, on a 0-4 scale: 3 is "safely unguessable" behind a slow
// hash, which ours is (password.ts). A list of 12 characters lets "password1234" through.
const MIN_SCORE = 3;
// The estimate's cost grows fast with the length and the l33t spellings it tries (a random 200
// characters took seconds, 64 characters of digits and symbols two): at these bounds it stays under
// a fifth of a second on a busy machine. A password whose first 64 characters are hard to guess is
// hard to guess (an e-mail address fits whole), and `p@ssw0rd` needs no more than two spellings undone.
const ESTIMATED_LENGTH = 64;
const L33T_SUBSTITUTIONS = 2;

// Built on first use: the dictionaries take about 20 MB and a second to load, and only setting a
// password needs them.
let estimator: Promise<ZxcvbnFactory> | undefined;

async function buildEstimator(): Promise<ZxcvbnFactory> {
  const [{ ZxcvbnFactory }, common, english] = await Promise.all([
    import("@zxcvbn-ts/core"),
    import("@zxcvbn-ts/language-common"),
    import("@zxcvbn-ts/language-en"),
  ]);
  return new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...english.dictionary },
    graphs: common.adjacencyGraphs,
    translations: english.translations,
    maxLength: ESTIMATED_LENGTH,
    l33tMaxSubstitutions: L33T_SUBSTITUTIONS,
  });
}

// BAD_USER_INPUT for a password easy to guess, saying why. `personal`: what an attacker knows of
// the account (its e-mail, name, organization), each also split into its words, as a password
// made of them is weak. The estimate runs on the event loop (tens of milliseconds):
// call it only once the request has proved it may set this password.
export async function checkPasswordStrength(password: string, personal: string[]): Promise<void> {
  estimator ??= buildEstimator();
  const words = personal.flatMap((text) => [text, ...text.split(/[^\p{L}\p{N}]+/u)]).filter((word) => word.length > 1);
  const { score, feedback } = (await estimator).check(password, ["alliance", ...words]);
  if (score >= MIN_SCORE) return;
  const why = [feedback.warning, ...feedback.suggestions].filter(Boolean).join(" ");
  throw badInput(`The password is too easy to guess${why ? `: ${why}` : ""}`);
}
