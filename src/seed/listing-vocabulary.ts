// Words that sellers put in listing titles, by intent and language.

export const COUNTERFEIT_WORDS = {
  zh: ["高仿", "A货", "原单", "复刻", "1:1", "超A", "精仿", "尾单"],
  en: ["replica", "AAA", "1:1", "mirror quality", "super copy", "top copy", "OEM"],
};

// Second-hand and parallel-import wording: cheaper than MSRP without being fake.
export const GREY_MARKET_WORDS = {
  zh: ["代购", "二手", "九成新", "海外直邮", "港版"],
  en: ["pre-owned", "used", "parallel import", "EU version"],
};

export const GENUINE_WORDS = {
  zh: ["官方正品", "国行", "全新未拆封", "专柜正品", "官方授权"],
  en: ["Genuine", "Official", "Brand New", "Authentic"],
};

export const COLLABORATION_WORDS = { zh: "联名", en: "Collab" };

// What the demo risk model looks for; a title may mix scripts, so both lists are searched.
export const COUNTERFEIT_KEYWORDS: string[] = [...new Set([...COUNTERFEIT_WORDS.zh, ...COUNTERFEIT_WORDS.en])];
