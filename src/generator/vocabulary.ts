// Words that sellers put in listing titles and descriptions, by intent and language.

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

// Genuine stock sold off cheaply: a real but noisy case for the model.
export const CLEARANCE_WORDS = {
  zh: ["清仓特价", "断码清仓", "年终大促"],
  en: ["Clearance", "Outlet sale", "Last season"],
};

export const COLLABORATION_WORDS = { zh: "联名", en: "Collab" };

export const DESCRIPTIONS = {
  genuine: {
    zh: ["品牌官方授权，支持专柜验货，假一赔十。", "全国联保，正规发票。", "官方旗舰店直发，七天无理由退换。"],
    en: ["Official warranty, invoice included.", "Ships from the authorised distributor. 30-day returns.", "Sealed box, serial number verifiable."],
  },
  counterfeit: {
    zh: ["品质做工与专柜一致，高仿1:1，细节完美。", "原单尾货，懂的来。", "A货精品，五金logo清晰。"],
    en: ["AAA quality, 1:1 with the original, same materials.", "Top copy, looks exactly like the real one.", "Mirror quality replica, perfect details."],
  },
  stealth: {
    zh: ["实拍图，质量很好，放心购买。", "厂家直销，价格优惠。"],
    en: ["Real photos, great quality, fast shipping.", "Factory direct price, limited stock."],
  },
  unrelated: {
    zh: ["手工制作，质量保证。", "1:1比例还原，收藏佳品。"],
    en: ["Handmade with care.", "1:1 scale collectible model, display case included.", "Compatible with most brands."],
  },
};

// Products that name no member brand; some use counterfeit-looking words innocently.
export const UNRELATED_PRODUCTS = {
  zh: ["手工真皮钱包", "1:1 合金车模", "不锈钢保温杯", "纯棉T恤", "蓝牙耳机 通用", "复古台灯"],
  en: ["Handmade leather wallet", "1:1 scale die-cast car model", "Stainless steel water bottle", "Cotton T-shirt", "Universal phone case", "Vintage desk lamp"],
};
