import { BrandMatcher } from "../../src/matching/brand-matcher";
import { LogoMatcher } from "../../src/matching/logo-matcher";
import { parseHash64 } from "../../src/matching/perceptual-hash";
import { DEFAULT_RISK_CONFIG } from "../../src/risk/risk-config";

const matcher = new BrandMatcher([
  { brandId: "lv", name: "Louis Vuitton", aliases: ["LV", "路易威登", "ルイ・ヴィトン"] },
  { brandId: "swarovski", name: "Swarovski", aliases: ["施华洛世奇"] },
  { brandId: "samsung", name: "Samsung", aliases: ["三星", "삼성"] },
  { brandId: "sony", name: "Sony", aliases: ["索尼"] },
  { brandId: "ford", name: "Ford", aliases: ["福特"] },
  { brandId: "canon", name: "Canon", aliases: ["佳能"] },
  { brandId: "wd", name: "Western Digital", aliases: ["WD"] },
  { brandId: "huawei", name: "Huawei", aliases: ["华为"] },
  { brandId: "shiseido", name: "Shiseido", aliases: ["資生堂"] },
]);
const brandsIn = (text: string) => matcher.match(text).map((m) => m.brandId).sort();

describe("brand matching", () => {
  it.each([
    ["Louis Vuitton Neverfull MM", "lv"],
    ["LV Speedy 30 老花", "lv"],
    ["正品路易威登老花托特包", "lv"],
    ["ルイ・ヴィトン キーポル", "lv"],
    ["ＬＯＵＩＳ　ＶＵＩＴＴＯＮ tote", "lv"],
    ["施华洛世奇天鹅项链", "swarovski"],
    ["三星 Galaxy S24 手机", "samsung"],
    ["삼성 갤럭시", "samsung"],
  ])("finds the brand across scripts: %s", (title, brand) => {
    expect(brandsIn(title)).toEqual([brand]);
  });

  // Taiwan and Hong Kong write Chinese in traditional characters; an alias in either script
  // matches a title in either.
  it.each([
    ["施華洛世奇 天鵝項鍊", "swarovski"],
    ["華為 手機 Mate 60", "huawei"],
    ["資生堂 紅腰子 精華", "shiseido"],
    ["资生堂 红腰子 精华", "shiseido"],
  ])("reads traditional and simplified Chinese alike: %s", (title, brand) => {
    expect(brandsIn(title)).toEqual([brand]);
  });

  it.each([
    ["Swarovsky swan necklace", "swarovski"],
    ["Swarowski crystal", "swarovski"],
    ["Swarvoski ring", "swarovski"],
    ["Louis Vutton bag", "lv"],
    ["Samsnug Galaxy", "samsung"],
    ["Sw@r0vski pendant", "swarovski"],
    ["Swarövski earrings", "swarovski"],
    // Cyrillic Ѕ, а and ѕ, Greek ο and Ν, drawn as the Latin letters.
    ["\u0405warovski swan necklace", "swarovski"],
    ["Sw\u0430rovski crystal", "swarovski"],
    ["S\u03bf\u039dY headphones", "sony"],
    ["S\u0430m\u0455ung Galaxy", "samsung"],
  ])("finds common misspellings and look-alike letters: %s", (title, brand) => {
    expect(brandsIn(title)).toEqual([brand]);
  });

  // A digit or symbol for a word's first or last letter counts where it makes a name, and only there.
  it.each([
    ["$ony WH-1000XM5 headphones", "sony"],
    ["5ony headphones", "sony"],
    ["正品5ony耳机", "sony"],
    ["$amsung Galaxy S24", "samsung"],
    ["5amsung Galaxy S24 Ultra", "samsung"],
    ["Huawe1 Mate 60 Pro", "huawei"],
  ])("finds a name with a look-alike at a word's edge: %s", (title, brand) => {
    expect(brandsIn(title)).toEqual([brand]);
  });

  it.each([
    ["Gucc1 Marmont bag", "gucci"],
    ["Gucc! Marmont bag", "gucci"],
    ["4mway nutrilite", "amway"],
    ["@mway 纽崔莱", "amway"],
  ])("finds a name with a look-alike at a word's edge: %s (names ending or starting with the letter)", (title, brand) => {
    const edgeNames = new BrandMatcher([
      { brandId: "gucci", name: "Gucci", aliases: [] },
      { brandId: "amway", name: "Amway", aliases: [] },
    ]);
    expect(edgeNames.match(title).map((m) => m.brandId)).toEqual([brand]);
  });

  it.each([
    ["Sony! best price", "sony"],
    ["@sony official store", "sony"],
    // A symbol between the words of a name parts them as a space does.
    ["Louis! Vuitton Neverfull MM", "lv"],
    ["Louis !Vuitton Speedy 30", "lv"],
    ["Western@ Digital 2TB", "wd"],
  ])("still finds a name beside a symbol that makes no other name: %s", (title, brand) => {
    expect(brandsIn(title)).toEqual([brand]);
  });

  // A number stays a number, and a symbol apart from a word, or beside another word, stays a symbol.
  it.each(["5 pcs socks set", "$5 gift card", "only $5 today", "5onyx beads bracelet", "$ ony", "S5 phone case"])(
    "reads no name in a number or symbol that makes none: %s",
    (title) => {
      expect(brandsIn(title)).toEqual([]);
    },
  );

  // Look-alike letters disguise a word only among Latin ones: a word wholly in Russian or Greek is
  // that language's, even where every letter has a Latin twin.
  it.each([
    ["ШУБА НАТУРАЛЬНЫЙ МЕХ", "mexx"],
    ["КАРА НЕБЕСНАЯ книга", "kappa"],
    ["ΚΑΝΟΝ ΖΩΗΣ", "canon"],
    ["Скотч 3М малярный", "3m"],
  ])("reads a word wholly in Cyrillic or Greek as written: %s", (title) => {
    const withLatinNames = new BrandMatcher([
      { brandId: "mexx", name: "Mexx", aliases: [] },
      { brandId: "kappa", name: "Kappa", aliases: [] },
      { brandId: "canon", name: "Canon", aliases: [] },
      { brandId: "3m", name: "3M", aliases: [] },
    ]);
    expect(withLatinNames.match(title)).toEqual([]);
  });

  it.each([
    ["S w a r o v s k i crystal", "swarovski"],
    ["S.W.A.R.O.V.S.K.I bracelet", "swarovski"],
    ["Swar ovski swan", "swarovski"],
    ["Sw arovski swan", "swarovski"],
    ["W estern Digital 2TB", "wd"],
    ["L o u i s V u i t t o n", "lv"],
    ["louisvuitton monogram", "lv"],
  ])("sees through spacing tricks: %s", (title, brand) => {
    expect(brandsIn(title)).toEqual([brand]);
  });

  it.each([
    ["L.V bag", "lv"],
    ["L-V bag", "lv"],
    ["L V bag", "lv"],
    ["L.V. bag", "lv"],
    ["L\u2013V bag", "lv"],
    ["L_V bag", "lv"],
    ["bag L.V", "lv"],
    ["W.D. 2TB hard drive", "wd"],
    ["W-D external drive", "wd"],
  ])("reads a two-letter name spelled out: %s", (title, brand) => {
    expect(brandsIn(title)).toEqual([brand]);
  });

  // Single letters in ordinary text stay apart: lists of alternatives (sizes, "W/D" for washer and
  // dryer), a letter that begins a hyphened word, initials as they are typeset.
  it.each([
    "T-shirt sizes S M L XL",
    "A B testing kit",
    "A/B testing",
    "W/D stackable washer dryer",
    "Men's tee, size L V-neck",
    "Size L, W 32 jeans",
    "L/W ratio gauge",
    "L x W x H 30 x 20 x 10 cm",
    // W is no V where letters are spelled out: their names do not sound alike.
    "Size L W 32 jeans",
    "LW 32 straight leg",
    "VD-2 valve kit",
    "J. K. Rowling box set",
    "W. D. Gann trading books",
    "L. V. Beethoven sonatas",
  ])("reads no two-letter name in single letters of ordinary text: %s", (title) => {
    expect(brandsIn(title)).toEqual([]);
  });

  // Format characters are drawn as nothing: the letters either side of one read as one word.
  it.each([
    ["a zero-width space", "L\u200bV bag", "lv"],
    ["a soft hyphen", "So\u00adny headphones", "sony"],
    ["a zero-width joiner", "Ca\u200dnon camera", "canon"],
    ["a zero-width non-joiner", "Ca\u200cnon camera", "canon"],
    ["a word joiner", "S\u2060ony headphones", "sony"],
    ["a byte order mark and a left-to-right mark", "\ufeffL\u200eV bag", "lv"],
    ["a right-to-left override", "Can\u202eon camera", "canon"],
  ])("reads a name with %s inside as the name", (_, title, brand) => {
    expect(brandsIn(title)).toEqual([brand]);
  });

  // Chinese, Japanese and Korean titles write Latin names and model numbers with no space around
  // them: a change of script ends a word, so a short Latin name is found there as a whole word.
  it.each([
    ["LV女包", "lv"],
    ["包包LV正品", "lv"],
    ["正品SONY耳机", "sony"],
    ["华为P60手机", "huawei"],
    ["2024新款WD移动硬盘", "wd"],
    ["ルイヴィトンLV財布", "lv"],
    ["LV가방", "lv"],
  ])("finds a Latin name touching Chinese, Japanese or Korean text: %s", (title, brand) => {
    expect(brandsIn(title)).toEqual([brand]);
  });

  // Read as "VV", a doubled letter, "VW" was one "v", as was a lone "W".
  it("reads a w as a v only in a word with a vowel", () => {
    const vw = new BrandMatcher([{ brandId: "vw", name: "Volkswagen", aliases: ["VW"] }]);
    expect(vw.match("size W 32 jeans")).toEqual([]);
    expect(vw.match("VW Golf floor mats")).toEqual([{ brandId: "vw", alias: "VW" }]);
    expect(vw.match("Volksvagen Golf floor mats")).toEqual([{ brandId: "vw", alias: "Volkswagen" }]);
  });

  it("finds a short Latin name touching Chinese by its Latin letters, with no Chinese alias", () => {
    const latinOnly = new BrandMatcher([{ brandId: "gucci", name: "Gucci", aliases: [] }]);
    expect(latinOnly.match("Gucci古驰包")).toEqual([{ brandId: "gucci", alias: "Gucci" }]);
  });

  // Only the change of script parts words: a longer Latin word touching Chinese is that word.
  it.each(["LVMH女包", "SLV包", "LVL女包 防水", "Sonyericsson耳机", "WDX硬盘"])("reads no short name inside a longer Latin word touching Chinese: %s", (title) => {
    expect(brandsIn(title)).toEqual([]);
  });

  it("finds every brand a title names", () => {
    expect(brandsIn("LV x Swarovski 联名 crystal bag")).toEqual(["lv", "swarovski"]);
  });

  it.each([
    "Handmade leather wallet",
    "Silver necklace with pendant",
    "Oxford shirt, affordable",
    "Sonya's bakery cookbook",
    "Samsonite suitcase 55cm",
    "Solvent-free wall paint",
    "Level 2 charger",
    "纯棉T恤 男款",
  ])("matches nothing in unrelated text: %s", (title) => {
    expect(brandsIn(title)).toEqual([]);
  });

  it("stays one pass for thousands of aliases", () => {
    const many = Array.from({ length: 5000 }, (_, i) => ({ brandId: `b${i}`, name: `Brandname${i}x`, aliases: [`品牌${i}号`] }));
    const big = new BrandMatcher([...many, { brandId: "lv", name: "Louis Vuitton", aliases: [] }]);
    const started = performance.now();
    for (let i = 0; i < 1000; i++) big.match("Louis Vuitton Neverfull MM 品牌4321号 replica");
    // A loose bound: a loop of 10,000 regular expressions would take seconds.
    expect(performance.now() - started).toBeLessThan(1000);
    expect(big.match("Louis Vuitton 品牌4321号").map((m) => m.brandId).sort()).toEqual(["b4321", "lv"]);
  });
});

describe("negative contexts", () => {
  // The alliance's short Chinese aliases, with the negative contexts the risk model starts with.
  const chinese = new BrandMatcher(
    [
      { brandId: "samsung", name: "Samsung", aliases: ["三星"] },
      { brandId: "amway", name: "Amway", aliases: ["安利", "纽崔莱"] },
      { brandId: "wd", name: "Western Digital", aliases: ["西数", "西部数据"] },
      { brandId: "joyoung", name: "Joyoung", aliases: ["九阳"] },
    ],
    DEFAULT_RISK_CONFIG.negativeContexts,
  );
  const chineseBrandsIn = (text: string) => chinese.match(text).map((m) => m.brandId).sort();

  it.each([
    "强烈安利 网红同款 保温杯",
    "三星级酒店同款 枕头",
    "国产 三星堆 文创 摆件",
    "装东西数量多 收纳箱",
    "平安利息 理财书",
    "九阳神功 武侠小说",
    "九陽神功 武俠小說",
  ])("does not count a name found wholly inside a phrase of ordinary language: %s", (title) => {
    expect(chineseBrandsIn(title)).toEqual([]);
  });

  it.each([
    ["三星 Galaxy S24 手机", ["samsung"]],
    ["安利 纽崔莱 蛋白粉", ["amway"]],
    ["九阳 豆浆机", ["joyoung"]],
    ["西数 硬盘 4TB", ["wd"]],
    // The name counts where it stands outside the phrase, or another of the brand's names does.
    ["三星堆 同款 三星 手机壳", ["samsung"]],
    ["强烈安利 纽崔莱 蛋白粉", ["amway"]],
  ])("still finds the name outside them: %s", (title, brands) => {
    expect(chineseBrandsIn(title)).toEqual(brands);
  });

  it("holds Latin phrases too, as whole words", () => {
    const sony = new BrandMatcher([{ brandId: "sony", name: "Sony", aliases: ["Sonny"] }], ["Sonny Angel"]);
    expect(sony.match("Sonny Angel figure 网红同款")).toEqual([]);
    expect(sony.match("Sonny Angeles headphones").map((m) => m.brandId)).toEqual(["sony"]);
    expect(sony.match("Sony headphones").map((m) => m.brandId)).toEqual(["sony"]);
  });
});

describe("logo matching", () => {
  const logos = new LogoMatcher(
    [
      { brandId: "lv", logoHashes: ["804a95d23ac181dc"] },
      { brandId: "swarovski", logoHashes: ["ffff0000ffff0000"] },
    ],
    10,
  );

  it("matches an image within the Hamming distance threshold, with the closest distance", () => {
    // 804a95d23ac181dc with three bits flipped.
    expect(logos.match([parseHash64("804a95d23ac181db")])).toEqual([{ brandId: "lv", distance: 3 }]);
  });

  it("does not match an image beyond the threshold", () => {
    expect(logos.match([parseHash64("0123456789abcdef")])).toEqual([]);
    expect(logos.match([parseHash64("ffff0000ffff0fff")])).toEqual([]); // 12 bits away
  });
});
