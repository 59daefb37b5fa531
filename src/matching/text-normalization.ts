import { latinLookalikes } from "./latin-lookalikes";
import { simplifiedChinese } from "./simplified-chinese";

// How listing text is folded before brand names are looked for in it, so that the tricks sellers
// use to slip past filters fold back to the name: full-width letters and accents ("Ｓｗａｒｏｖｓｋｉ",
// "Swarövski"), other scripts' letters drawn as Latin ones ("Ѕwarovski" with a Cyrillic Ѕ), digits
// and symbols for letters ("Sw@r0vski"), spelled-out letters
// ("S w a r o v s k i", "S.W.A.R.O.V.S.K.I", "L.V"), spellings that sound alike ("Swarovsky",
// "Swarowski"), characters nobody sees ("L\u200bV" with a zero-width space), and Chinese in
// traditional characters ("華為" for "华为"). Text and brand aliases go through the same folding.

// Format characters drawn as nothing (zero-width space and joiners, soft hyphen, word joiner, byte
// order mark, text-direction marks): a reader sees the letters either side of one as one word, so
// they are taken out, not read as a break between words.
const INVISIBLE = /\p{Cf}/gu;

// Only between two letters, so that "1:1" or "256gb" keep their digits; at a word's first or last
// letter only in a brand name's look-alike spellings (lookalikeSpellings), so that "5 pcs" and "$5"
// keep theirs.
const LOOKALIKES: Record<string, string> = { "0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "@": "a", $: "s", "!": "i" };
// The symbols among them, which text splits words at: one touching a word's letter is kept as a word
// of its own where names are read (foldWords), for a look-alike spelling to be found ("$ony").
const SYMBOL_LOOKALIKES = new Set(["@", "$", "!"]);

// Letters that sellers swap for one that sounds the same (ph/f, ck/k/q/c, y/i, w/v, z/s), and
// doubled letters, which count once.
const SOUND_ALIKE: Record<string, string> = { k: "c", q: "c", y: "i", w: "v", z: "s" };
// A word with no vowel is letters read one by one ("LW" for length and width, "WD", "VW"), whose
// names do not sound alike: a w in it stays a w, so that "Size L W 32" reads no "LV", nor "VW" a
// lone "v". In a word, w is still v: a seller's "Swarowski" for "Swarovski".
const VOWEL = /[aeiouy]/;

export const isLatin = (text: string) => /[a-z]/.test(text);
const isLetterCode = (code: number) => code >= 97 && code <= 122;
export const isWordCode = (code: number) =>
  (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || (code >= 65 && code <= 90);

const HAS_LOOKALIKE = /[0-9@$!]/;
const ASCII = /^[ -~\t\n\r]*$/;

// The text is copied only where a look-alike is replaced: most texts with a digit have none between
// two letters ("256gb"), and are kept as they are.
function replaceLookalikes(text: string): string {
  if (!HAS_LOOKALIKE.test(text)) return text;
  let out = "";
  let copied = 0;
  for (let i = 0; i < text.length; i++) {
    const letter = LOOKALIKES[text[i]];
    if (letter && isLetterCode(text.charCodeAt(i - 1)) && isLetterCode(text.charCodeAt(i + 1))) {
      out += text.slice(copied, i) + letter;
      copied = i + 1;
    }
  }
  return copied === 0 ? text : out + text.slice(copied);
}

function soundAlike(token: string): string {
  if (!isLatin(token)) return token;
  const spelledOut = token.includes("w") && !VOWEL.test(token);
  let out = "";
  // The last character added: reading it back from `out`, a string still being built, walks it.
  let last = "";
  for (let i = 0; i < token.length; i++) {
    let ch = token[i];
    const next = token[i + 1];
    if ((ch === "p" && next === "h") || (ch === "c" && next === "k")) {
      ch = ch === "p" ? "f" : "c";
      i++;
    } else if (ch !== "w" || !spelledOut) ch = SOUND_ALIKE[ch] ?? ch;
    if (last !== ch) out += last = ch;
  }
  return out;
}

// A text split into words (letters and digits of any script) and the gaps between them, in turn:
// "l.v bag" is ["l", ".", "v", " ", "bag"]. It starts and ends with a word, "" where the text
// starts or ends with a gap.
const WORDS_AND_GAPS = /([^\p{L}\p{N}]+)/u;

const isLetter = (word: string) => word.length === 1 && word >= "a" && word <= "z";

// Two single letters spell a word ("L V", "L.V", "L-V", "W.D.") when a space, or one mark drawn
// between letters, is all that parts them. Not across a slash, comma or "&", which list
// alternatives ("S/M", "W/D" for washer and dryer, "L, W"), nor across a full stop and a space,
// which is how initials are written ("J. K. Rowling", "W. D. Gann").
const PAIR_GAP = /^(?:\s+|[._\u00b7\u2022\u2027\u30fb]|\p{Pd})$/u;
const DASH = /^\p{Pd}$/u;

// `first`: the index of the pair's first letter in `parts`.
function spellsPair(parts: readonly string[], first: number): boolean {
  const between = parts[first + 1];
  const after = parts[first + 3];
  if (!PAIR_GAP.test(between)) return false;
  // A letter hyphened to the next word begins that word ("size L V-neck", "T-shirt", "X-ray").
  return after === undefined || !parts[first + 4] || !DASH.test(after) || after === between;
}

// Runs of single letters are a spelled-out word: three or more whatever parts them
// ("S w a r o v s k i", "S/O/N/Y"), two as spellsPair says.
function joinSpelledOut(parts: readonly string[]): string[] {
  const joined: string[] = [];
  for (let first = 0; first < parts.length; first += 2) {
    let last = first;
    while (isLetter(parts[last]) && last + 2 < parts.length && isLetter(parts[last + 2])) last += 2;
    const letters = (last - first) / 2 + 1;
    if (letters >= 3 || (letters === 2 && spellsPair(parts, first))) {
      let word = "";
      for (let i = first; i <= last; i += 2) word += parts[i];
      joined.push(word);
    } else {
      for (let i = first; i <= last; i++) joined.push(parts[i]);
    }
    if (last + 1 < parts.length) joined.push(parts[last + 1]);
    first = last;
  }
  return joined;
}

// A text as it reads: lowered, invisible characters out, accents off, look-alike letters, digits
// and symbols as the Latin letters they stand for, traditional Chinese as simplified, split into
// words and the gaps between them in turn (WORDS_AND_GAPS), spelled-out letters joined. Brand names
// are matched on it with their sounds folded too (foldWords); the counterfeit vocabulary without.
export function readText(text: string): string[] {
  const lower = text.toLowerCase();
  const plain = replaceLookalikes(ASCII.test(lower) ? lower : simplifiedChinese(latinLookalikes(text.replace(INVISIBLE, ""))).toLowerCase());
  return joinSpelledOut(plain.split(WORDS_AND_GAPS));
}

export interface FoldedText {
  // Words separated by single spaces, with a space at each end: " louis vuiton neverful ".
  words: string;
  // The same without spaces, for names split across words ("Swar ovski") and for CJK scripts; and
  // without the look-alike symbols kept as words (foldWords), which are no letters of a name read
  // across words ("Louis! Vuitton"); with every w a v.
  joined: string;
}

// Chinese, Japanese and Korean are written without spaces, and so are the Latin names and model
// numbers in them ("LV女包", "正品SONY耳机", "华为P60手机"): where Latin letters or digits meet one of
// these scripts, a word ends, so that a short Latin name is a whole word there too. Not within Latin
// letters: "LVMH女包" holds no "LV".
const CJK = "\\p{sc=Han}\\p{sc=Hiragana}\\p{sc=Katakana}\\p{sc=Hangul}";
const SCRIPT_CHANGE = new RegExp(`(?<=[a-z0-9])(?=[${CJK}])|(?<=[${CJK}])(?=[a-z0-9])`, "u");
const NOT_LATIN_OR_DIGIT = /[^a-z0-9]/;

// `read`: a text as readText gives it. `forNames`: as brand names are read, with a look-alike symbol
// that touches a word's first or last letter kept as a word before or after it ("$ony" is "$ oni",
// "Sony!" is "soni !"), which only a name's look-alike spelling holds; elsewhere (spec values,
// product names) it is a gap like any other.
export function foldWords(read: readonly string[], forNames = false): FoldedText {
  const tokens: string[] = [];
  let symbols = false;
  for (let i = 0; i < read.length; i += 2) {
    const word = read[i];
    if (!word) continue;
    const before = forNames && i > 0 ? read[i - 1][read[i - 1].length - 1] : "";
    if (SYMBOL_LOOKALIKES.has(before) && isLetterCode(word.charCodeAt(0))) {
      tokens.push(before);
      symbols = true;
    }
    if (!NOT_LATIN_OR_DIGIT.test(word)) tokens.push(soundAlike(word));
    else for (const part of word.split(SCRIPT_CHANGE)) tokens.push(soundAlike(part));
    const after = forNames && i + 1 < read.length ? read[i + 1][0] : "";
    if (SYMBOL_LOOKALIKES.has(after) && isLetterCode(word.charCodeAt(word.length - 1))) {
      tokens.push(after);
      symbols = true;
    }
  }
  const letters = symbols ? tokens.filter((token) => !isLookalikeSymbol(token)) : tokens;
  const joined = letters.join("");
  // A w left (in a word with no vowel) is a v across words: "Sw" of "Sw arovski" is part of a word.
  return { words: ` ${tokens.join(" ")} `, joined: joined.includes("w") ? joined.replaceAll("w", "v") : joined };
}

// A word of FoldedText.words that is a look-alike symbol kept for a name's look-alike spelling,
// and so not in FoldedText.joined.
export const isLookalikeSymbol = (word: string) => SYMBOL_LOOKALIKES.has(word);

export const foldText = (text: string, forNames = false): FoldedText => foldWords(readText(text), forNames);

// A brand name with the first or last letter of one of its words written as a digit or symbol that
// looks like it ("5ony", "$ony", "Gucc1", "@mway"): the spellings a name is also found by, so that
// a look-alike at a word's edge counts only where it makes a name.
export function lookalikeSpellings(name: string): string[] {
  const spellings: string[] = [];
  for (const { index, 0: word } of name.matchAll(/[A-Za-z]{2,}/g)) {
    for (const at of [index, index + word.length - 1]) {
      const letter = name[at].toLowerCase();
      for (const [lookalike, standsFor] of Object.entries(LOOKALIKES)) {
        if (standsFor === letter) spellings.push(name.slice(0, at) + lookalike + name.slice(at + 1));
      }
    }
  }
  return spellings;
}
