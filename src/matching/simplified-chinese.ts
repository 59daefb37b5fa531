import { Locale } from "opencc-js/t2cn";

// Chinese in traditional characters, as written in Taiwan and Hong Kong ("施華洛世奇", "華為"),
// read as in simplified ones ("施华洛世奇", "华为"), so that a brand's names match in either
// script whichever one its aliases were given in. Text folding (text-normalization.ts) reads every
// title and alias through it.
// The characters are OpenCC's (opencc-js, its traditional-to-simplified character dictionary),
// put once at start into a table by UTF-16 code unit, so that a title costs one look-up a
// character and no converter call. Character by character, without OpenCC's phrase dictionary
// (which tells 乾隆 from 乾燥): a title and an alias fold alike, which is all matching needs.
// Characters outside the Basic Multilingual Plane, in no brand's name, are left as they are.

const SIMPLIFIED = new Uint16Array(0x10000);
for (const group of Locale.to.cn) {
  for (const dictionary of group) {
    const pairs = typeof dictionary === "string" ? dictionary.split("|").map((entry) => entry.split(" ")) : dictionary;
    for (const [traditional, simplified] of pairs) {
      // The phrase dictionary's entries are longer than one character.
      if (traditional.length === 1 && simplified?.length === 1) SIMPLIFIED[traditional.charCodeAt(0)] = simplified.charCodeAt(0);
    }
  }
}

export function simplifiedChinese(text: string): string {
  for (let i = 0; i < text.length; i++) {
    if (SIMPLIFIED[text.charCodeAt(i)] === 0) continue;
    let out = text.slice(0, i);
    for (let j = i; j < text.length; j++) {
      const simplified = SIMPLIFIED[text.charCodeAt(j)];
      out += simplified === 0 ? text[j] : String.fromCharCode(simplified);
    }
    return out;
  }
  return text;
}
