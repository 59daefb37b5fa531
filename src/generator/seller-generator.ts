import { Marketplace } from "../entities/enums";
import type { SeededRandom } from "./random";

const DAY_MS = 86_400_000;

// Fakes concentrate on the open marketplaces; brand flagship resellers on TMALL.
const MARKETPLACE_WEIGHTS: Record<"honest" | "counterfeiter", Record<Marketplace, number>> = {
  honest: { TMALL: 40, TAOBAO: 30, ALIEXPRESS: 15, ALIBABA: 5, XIANYU: 10 },
  counterfeiter: { TMALL: 4, TAOBAO: 40, ALIEXPRESS: 22, ALIBABA: 14, XIANYU: 20 },
};

const ZH_STORE = {
  theme: ["潮牌", "奢品", "名品", "精品", "海淘", "优品", "数码", "美妆", "酒水", "家居", "汽配", "尚品", "臻品"],
  core: ["优选", "汇", "阁", "轩", "坊", "小铺", "之家", "工厂", "严选"],
  suffix: ["店", "专营店", "商行", ""],
};
const EN_STORE = {
  adjective: ["Luxury", "Global", "Best", "Top", "Star", "Golden", "Happy", "Trendy", "Digital", "Prime", "Lucky", "Elite"],
  noun: ["Outlet", "Mall", "Store", "Shop", "Trading", "Direct", "Deals", "Boutique", "World", "Mart"],
  number: ["88", "168", "2019", "666", "8", "518", "365", ""],
};
const XIANYU_NICKNAMES = ["小鱼", "阿杰", "Luna", "晴天", "木子", "Kiki", "大白", "橙子"];

const ZH_COMPANY = {
  city: ["义乌市", "广州市", "深圳市", "莆田市", "东莞市", "温州市", "泉州市", "杭州市", "汕头市", "上海"],
  name: ["鑫达", "恒发", "宏远", "锦程", "华盛", "佳美", "永盛", "金源", "盛世", "瑞丰", "天成", "万利"],
  trade: ["贸易", "电子商务", "商贸", "电子科技", "服饰", "皮具", "日用品"],
};
const EN_COMPANY = {
  city: ["Guangzhou", "Shenzhen", "Yiwu", "Dongguan", "Putian", "Wenzhou", "Quanzhou", "Hangzhou", "Shanghai"],
  name: ["Xinda", "Hengfa", "Hongyuan", "Jincheng", "Huasheng", "Jiamei", "Yongsheng", "Jinyuan", "Shengshi", "Ruifeng"],
  trade: ["Trading", "E-commerce", "Electronics Technology", "Import & Export", "Leather Products", "Commerce"],
};
const SURNAMES = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "周", "吴"];
const GIVEN_NAMES = ["伟", "芳", "娜", "敏", "静", "磊", "洋", "勇", "杰", "婷", "强", "军", "晓东", "丽华"];

function isEnglishMarketplace(marketplace: Marketplace): boolean {
  return marketplace === Marketplace.ALIEXPRESS || marketplace === Marketplace.ALIBABA;
}

function storeName(random: SeededRandom, marketplace: Marketplace, counterfeiter: boolean): string {
  if (marketplace === Marketplace.XIANYU) {
    return `${random.pick(XIANYU_NICKNAMES)}的闲置${random.chance(0.5) ? random.digits(2) : ""}`;
  }
  if (isEnglishMarketplace(marketplace) || random.chance(0.15)) {
    const separator = random.chance(0.4) ? " " : "";
    const words = [random.pick(EN_STORE.adjective), random.pick(EN_STORE.noun), random.pick(EN_STORE.number)];
    return words.join(separator).trim();
  }
  const suffix = marketplace === Marketplace.TMALL && !counterfeiter ? "旗舰店" : random.pick(ZH_STORE.suffix);
  return `${random.pick(ZH_STORE.theme)}${random.pick(ZH_STORE.core)}${suffix}`;
}

function registeredName(random: SeededRandom, marketplace: Marketplace): string | null {
  if (marketplace === Marketplace.XIANYU) {
    // Individuals sell on Xianyu; a few never completed identity checks.
    return random.chance(0.1) ? null : `${random.pick(SURNAMES)}${random.pick(GIVEN_NAMES)}`;
  }
  if (isEnglishMarketplace(marketplace)) {
    return `${random.pick(EN_COMPANY.city)} ${random.pick(EN_COMPANY.name)} ${random.pick(EN_COMPANY.trade)} Co., Ltd.`;
  }
  return `${random.pick(ZH_COMPANY.city)}${random.pick(ZH_COMPANY.name)}${random.pick(ZH_COMPANY.trade)}有限公司`;
}

function mobileNumber(random: SeededRandom): string {
  return `+86 1${random.pick(["3", "5", "8"])}${random.digits(1)} ${random.digits(4)} ${random.digits(4)}`;
}

function paymentAccount(random: SeededRandom): string {
  if (random.chance(0.5)) return `alipay:2088${random.digits(12)}`;
  return `${random.pick(["6222", "6228", "6217", "6214"])} **** **** ${random.digits(4)}`;
}

function sellerIdPrefix(marketplace: Marketplace): string {
  switch (marketplace) {
    case Marketplace.TAOBAO:
    case Marketplace.TMALL:
      return "2";
    case Marketplace.ALIEXPRESS:
      return "3";
    case Marketplace.ALIBABA:
      return "cn15";
    case Marketplace.XIANYU:
      return "9";
  }
}

// A store, derived from its index alone: no seller list is kept in memory, however many listings.
export interface GenSeller {
  marketplace: Marketplace;
  externalId: string;
  name: string;
  openedAt: Date;
  brandCount: number;
  strikeCount: number;
  registeredName: string | null;
  contact: string;
  paymentAccount: string;
  // Generation only: whether the store mostly sells fakes.
  counterfeiter: boolean;
}

// Strikes accumulate from executed takedowns: honest stores rarely have any.
function strikes(random: SeededRandom, counterfeiter: boolean): number {
  if (!counterfeiter) return random.chance(0.05) ? 1 : 0;
  return random.weightedPick([0, 1, 2, 3, 4, 5, 6], (n) => [40, 20, 14, 10, 8, 5, 3][n]);
}

// `block` keeps the ids of different seeds apart.
export function sellerAt(random: SeededRandom, index: number, now: Date, block = 0): GenSeller {
  const r = random.fork(`seller:${index}`);
  const counterfeiter = r.chance(0.55);
  const weights = MARKETPLACE_WEIGHTS[counterfeiter ? "counterfeiter" : "honest"];
  const marketplace = r.weightedPick(Object.values(Marketplace), (m) => weights[m]);
  // Counterfeit stores are short-lived; legitimate ones have been open for years.
  const ageDays = counterfeiter ? (r.chance(0.35) ? r.int(3, 89) : r.int(90, 3 * 365)) : r.int(180, 9 * 365);
  return {
    marketplace,
    // Unique by construction: each index owns its own block of numbers.
    externalId: `${sellerIdPrefix(marketplace)}${String(block + index * 97 + r.int(0, 96)).padStart(12, "0")}`,
    name: storeName(r, marketplace, counterfeiter),
    openedAt: new Date(now.getTime() - ageDays * DAY_MS - r.int(0, DAY_MS)),
    // A genuine reseller carries a few brands; a fake shop whatever sells.
    brandCount: counterfeiter ? (r.chance(0.6) ? r.int(8, 40) : r.int(2, 7)) : r.int(1, 6),
    strikeCount: strikes(r, counterfeiter),
    registeredName: registeredName(r, marketplace),
    contact: mobileNumber(r),
    paymentAccount: paymentAccount(r),
    counterfeiter,
  };
}
