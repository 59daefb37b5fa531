import { OrgKind, UserRole } from "../entities/enums";

// Static facts of the demo alliance: the public member brands of the 2017 alliance, with invented
// but plausible catalogues. Generated data (sellers, listings, infringements) lives elsewhere.

export const DEMO_PASSWORD = "alliance-demo";

export interface DemoProduct {
  sku: string;
  name: string;
  // Chinese wording used in generated listing titles; not stored.
  zhName: string;
  msrpMinor: number;
  currency: "CNY" | "USD" | "EUR";
  specs: Record<string, string>;
  // Only for a product sold under its own mark (Martell, Royal Canin); otherwise the brand's logos.
  logoHashes?: string[];
}

export interface DemoBrand {
  name: string;
  aliases: string[];
  category: string;
  // How often listings name the brand, relative to the others.
  popularity: number;
  // 64-bit perceptual hashes of the registered logos, 16 hex digits each.
  logoHashes: string[];
  products: DemoProduct[];
}

export interface DemoOrganization {
  slug: string;
  name: string;
  kind: OrgKind;
  joinedAt: string;
  brands: DemoBrand[];
}

export interface DemoUser {
  orgSlug: string;
  email: string;
  displayName: string;
  role: UserRole;
}

// The alliance was launched on 16 January 2017.
const LAUNCH = "2017-01-16T02:00:00.000Z";

function brandOrg(slug: string, name: string, brands: DemoBrand[], joinedAt = LAUNCH): DemoOrganization {
  return { slug, name, kind: OrgKind.BRAND, joinedAt, brands };
}

export const PLATFORM_ORGANIZATION: DemoOrganization = {
  slug: "platform",
  name: "Marketplace Governance",
  kind: OrgKind.PLATFORM,
  joinedAt: LAUNCH,
  brands: [],
};

const AGENCY_ORGANIZATION: DemoOrganization = {
  slug: "sh-psb",
  name: "Shanghai Public Security Bureau - Economic Crimes",
  kind: OrgKind.AGENCY,
  joinedAt: "2017-03-01T01:00:00.000Z",
  brands: [],
};

export const BRAND_ORGANIZATIONS: DemoOrganization[] = [
  brandOrg("louis-vuitton", "Louis Vuitton", [
    {
      name: "Louis Vuitton",
      popularity: 3,
      aliases: ["LV", "路易威登", "Louis Vutton", "ルイ・ヴィトン"],
      category: "Luxury & fashion",
      logoHashes: ["804a95d23ac181dc", "6e3d59b89311e512"],
      products: [
        { sku: "M41177", name: "Neverfull MM Monogram Tote", zhName: "老花托特包", msrpMinor: 1_450_000, currency: "CNY", specs: { material: "Monogram canvas", size: "31 x 28 x 14 cm" } },
        { sku: "M41108", name: "Speedy 30 Monogram", zhName: "枕头包", msrpMinor: 1_210_000, currency: "CNY", specs: { material: "Monogram canvas", size: "30 x 21 x 17 cm" } },
        { sku: "M41416", name: "Keepall Bandoulière 50", zhName: "旅行袋", msrpMinor: 1_990_000, currency: "CNY", specs: { material: "Monogram canvas", size: "50 x 29 x 23 cm" } },
        { sku: "M42616", name: "Zippy Wallet", zhName: "拉链钱包", msrpMinor: 715_000, currency: "CNY", specs: { material: "Monogram canvas", size: "19.5 x 10.5 cm" } },
        { sku: "M0211U", name: "LV Initiales 40mm Reversible Belt", zhName: "双面腰带", msrpMinor: 465_000, currency: "CNY", specs: { width: "40mm", material: "calf leather" } },
      ],
    },
  ]),
  brandOrg("swarovski", "Swarovski", [
    {
      name: "Swarovski",
      popularity: 2,
      aliases: ["施华洛世奇", "Swarovsky", "Swarowski"],
      category: "Luxury & fashion",
      logoHashes: ["ae97620b80d48984"],
      products: [
        { sku: "5614926", name: "Millenia Necklace", zhName: "水晶项链", msrpMinor: 239_000, currency: "CNY", specs: { plating: "rhodium", length: "38 cm" } },
        { sku: "5007735", name: "Iconic Swan Pendant", zhName: "天鹅吊坠", msrpMinor: 99_000, currency: "CNY", specs: { plating: "rhodium", length: "40 cm" } },
        { sku: "5563278", name: "Attract Stud Earrings", zhName: "水晶耳钉", msrpMinor: 69_000, currency: "CNY", specs: { plating: "rhodium", stone: "round cut" } },
        { sku: "5648938", name: "Matrix Tennis Bracelet", zhName: "网球手链", msrpMinor: 219_000, currency: "CNY", specs: { plating: "rhodium", length: "16.5 cm" } },
        { sku: "5642940", name: "Octea Lux Watch", zhName: "水晶腕表", msrpMinor: 39_900, currency: "USD", specs: { case: "39mm", movement: "Swiss quartz" } },
      ],
    },
  ]),
  brandOrg("mars", "Mars", [
    {
      name: "Mars",
      popularity: 0.8,
      aliases: ["玛氏", "Mars Wrigley", "Marss"],
      category: "Food & drink",
      logoHashes: ["42aee845e9c84e84"],
      products: [
        { sku: "SNK-51G-24", name: "Snickers Bar 51g x 24", zhName: "士力架 整盒", msrpMinor: 9_600, currency: "CNY", specs: { weight: "51g", count: "24" }, logoHashes: ["230be56b1747af02"] },
        { sku: "MMS-PNT-1KG", name: "M&M's Peanut 1kg", zhName: "花生牛奶巧克力豆", msrpMinor: 8_990, currency: "CNY", specs: { weight: "1kg" }, logoHashes: ["3fd2d7138efa3f50"] },
        { sku: "DOVE-GIFT-252", name: "Dove Silky Smooth Gift Box 252g", zhName: "德芙 巧克力礼盒", msrpMinor: 16_800, currency: "CNY", specs: { weight: "252g" }, logoHashes: ["9b976f0103384b29"] },
        { sku: "RC-MAXI-AD-15", name: "Royal Canin Maxi Adult 15kg", zhName: "皇家 成犬狗粮", msrpMinor: 69_900, currency: "CNY", specs: { weight: "15kg" }, logoHashes: ["1e04e68c8fd9b63b"] },
      ],
    },
  ]),
  brandOrg("huawei", "Huawei", [
    {
      name: "Huawei",
      popularity: 2,
      aliases: ["华为", "HUAWEI", "Hauwei"],
      category: "Consumer electronics",
      logoHashes: ["87da016a9ac082b5"],
      products: [
        { sku: "ALN-AL10-512", name: "Mate 60 Pro 12GB+512GB", zhName: "手机 全网通", msrpMinor: 799_900, currency: "CNY", specs: { ram: "12GB", storage: "512GB" } },
        { sku: "MNA-AL00-256", name: "P60 Pro 8GB+256GB", zhName: "手机 全网通", msrpMinor: 698_800, currency: "CNY", specs: { ram: "8GB", storage: "256GB" } },
        { sku: "T0018", name: "FreeBuds Pro 3", zhName: "无线降噪耳机", msrpMinor: 149_900, currency: "CNY", specs: { battery: "31h", anc: "yes" } },
        { sku: "PNX-B19", name: "Watch GT 4 46mm", zhName: "智能手表", msrpMinor: 148_800, currency: "CNY", specs: { case: "46mm", battery: "14 days" } },
        { sku: "HW-200600CP0", name: "SuperCharge Wall Charger 66W", zhName: "超级快充充电器", msrpMinor: 14_900, currency: "CNY", specs: { power: "66W" } },
      ],
    },
  ]),
  brandOrg("samsung", "Samsung", [
    {
      name: "Samsung",
      popularity: 1.5,
      aliases: ["三星", "삼성", "Samsumg"],
      category: "Consumer electronics",
      logoHashes: ["7090935c3481ac62"],
      products: [
        { sku: "SM-S9280", name: "Galaxy S24 Ultra 12GB+256GB", zhName: "手机", msrpMinor: 969_900, currency: "CNY", specs: { ram: "12GB", storage: "256GB" } },
        { sku: "SM-R510", name: "Galaxy Buds2 Pro", zhName: "无线耳机", msrpMinor: 129_900, currency: "CNY", specs: { battery: "29h" } },
        { sku: "MZ-V9P2T0", name: "990 PRO NVMe SSD 2TB", zhName: "固态硬盘", msrpMinor: 139_900, currency: "CNY", specs: { capacity: "2TB", interface: "PCIe 4.0" } },
        { sku: "MB-MC256KA", name: "EVO Plus microSDXC 256GB", zhName: "存储卡", msrpMinor: 2_999, currency: "USD", specs: { capacity: "256GB", speed: "130MB/s" } },
      ],
    },
  ]),
  brandOrg("sony", "Sony", [
    {
      name: "Sony",
      popularity: 1.5,
      aliases: ["索尼", "ソニー", "Sonny"],
      category: "Consumer electronics",
      logoHashes: ["1be8f3b1f2d213aa", "e68175b2d4594f1e"],
      products: [
        { sku: "WH-1000XM5", name: "WH-1000XM5 Wireless Headphones", zhName: "头戴式降噪耳机", msrpMinor: 299_900, currency: "CNY", specs: { battery: "30h", weight: "250g" } },
        { sku: "WF-1000XM5", name: "WF-1000XM5 Earbuds", zhName: "真无线降噪耳机", msrpMinor: 199_900, currency: "CNY", specs: { battery: "24h" } },
        { sku: "CFI-2000", name: "PlayStation 5 Slim", zhName: "游戏主机 国行", msrpMinor: 389_900, currency: "CNY", specs: { storage: "1TB" } },
        { sku: "CFI-ZCT1", name: "DualSense Wireless Controller", zhName: "无线手柄", msrpMinor: 54_900, currency: "CNY", specs: { connection: "Bluetooth 5.1" } },
        { sku: "ILCE-7M4", name: "Alpha 7 IV Body", zhName: "全画幅微单相机", msrpMinor: 1_699_900, currency: "CNY", specs: { sensor: "33MP full-frame" } },
      ],
    },
  ]),
  brandOrg("canon", "Canon", [
    {
      name: "Canon",
      popularity: 1,
      aliases: ["佳能", "キヤノン", "Cannon"],
      category: "Consumer electronics",
      logoHashes: ["5d4913bc321ede94"],
      products: [
        { sku: "5666C002", name: "EOS R6 Mark II Body", zhName: "全画幅微单相机", msrpMinor: 1_599_900, currency: "CNY", specs: { sensor: "24.2MP full-frame" } },
        { sku: "4515C002", name: "RF 50mm F1.8 STM", zhName: "定焦镜头", msrpMinor: 139_900, currency: "CNY", specs: { focal_length: "50mm", aperture: "f/1.8" } },
        { sku: "4132C002", name: "LP-E6NH Battery Pack", zhName: "原装电池", msrpMinor: 49_900, currency: "CNY", specs: { capacity: "2130mAh" } },
        { sku: "8216B001", name: "PG-845 Black Ink Cartridge", zhName: "墨盒", msrpMinor: 8_900, currency: "CNY", specs: { yield: "180 pages" } },
        { sku: "4465C007", name: "PIXMA G3800 MegaTank Printer", zhName: "加墨式打印机", msrpMinor: 109_900, currency: "CNY", specs: { functions: "print, copy, scan" } },
      ],
    },
  ]),
  brandOrg("ford", "Ford", [
    {
      name: "Ford",
      popularity: 0.8,
      aliases: ["福特", "Motorcraft", "Ford Motor"],
      category: "Auto parts",
      logoHashes: ["e4dd4b597beef749", "d835c80d1595646a"],
      products: [
        { sku: "FL-500S", name: "Motorcraft FL-500S Oil Filter", zhName: "机油滤清器", msrpMinor: 1_299, currency: "USD", specs: { thread: "M20 x 1.5" } },
        { sku: "BRF-1478", name: "Motorcraft Front Brake Pads", zhName: "前刹车片", msrpMinor: 68_000, currency: "CNY", specs: { fitment: "Focus 2019+" } },
        { sku: "SP-580X", name: "Motorcraft Iridium Spark Plug Set (4)", zhName: "铱金火花塞", msrpMinor: 36_000, currency: "CNY", specs: { count: "4", gap: "1.3mm" } },
        { sku: "KX6Z-15K601", name: "Intelligent Access Key Fob", zhName: "智能钥匙", msrpMinor: 98_000, currency: "CNY", specs: { frequency: "433MHz" } },
        { sku: "M-13300-MB", name: "Ford Performance Floor Mats", zhName: "原厂脚垫", msrpMinor: 14_995, currency: "USD", specs: { fitment: "Mustang 2015+" } },
      ],
    },
  ]),
  brandOrg("western-digital", "Western Digital", [
    {
      name: "Western Digital",
      popularity: 1,
      aliases: ["WD", "西部数据", "西数", "Westen Digital"],
      category: "Consumer electronics",
      logoHashes: ["2e308627ee9773d6"],
      products: [
        { sku: "WDS200T2X0E", name: "WD_BLACK SN850X NVMe SSD 2TB", zhName: "固态硬盘", msrpMinor: 129_900, currency: "CNY", specs: { capacity: "2TB", interface: "PCIe 4.0" } },
        { sku: "WDBPKJ0040BBK", name: "My Passport Portable HDD 4TB", zhName: "移动硬盘", msrpMinor: 89_900, currency: "CNY", specs: { capacity: "4TB", interface: "USB 3.2" } },
        { sku: "WD80EFPX", name: "WD Red Plus NAS HDD 8TB", zhName: "NAS 机械硬盘", msrpMinor: 169_900, currency: "CNY", specs: { capacity: "8TB", rpm: "5640" } },
        { sku: "WDBU6Y0020BBK", name: "WD Elements Portable 2TB", zhName: "移动硬盘", msrpMinor: 6_999, currency: "USD", specs: { capacity: "2TB", interface: "USB 3.0" } },
      ],
    },
    {
      name: "SanDisk",
      popularity: 1.2,
      aliases: ["闪迪", "Sandisk", "SanDisc"],
      category: "Consumer electronics",
      logoHashes: ["dfcc62a541047f9e"],
      products: [
        { sku: "SDSDXXD-128G", name: "Extreme PRO SDXC 128GB", zhName: "相机存储卡", msrpMinor: 29_900, currency: "CNY", specs: { capacity: "128GB", speed: "200MB/s" } },
        { sku: "SDDDC3-256G", name: "Ultra Dual Drive Luxe USB-C 256GB", zhName: "双接口U盘", msrpMinor: 16_900, currency: "CNY", specs: { capacity: "256GB", interface: "USB-C / USB-A" } },
        { sku: "SDSSDE61-1T00", name: "Extreme Portable SSD 1TB", zhName: "移动固态硬盘", msrpMinor: 89_900, currency: "CNY", specs: { capacity: "1TB", speed: "1050MB/s" } },
        { sku: "SDSQUAC-512G", name: "Ultra microSDXC 512GB", zhName: "手机存储卡", msrpMinor: 34_900, currency: "CNY", specs: { capacity: "512GB", speed: "150MB/s" } },
      ],
    },
  ]),
  brandOrg("shiseido", "Shiseido", [
    {
      name: "Shiseido",
      popularity: 1.2,
      aliases: ["资生堂", "資生堂", "Shisedo"],
      category: "Health & beauty",
      logoHashes: ["83dd576d2ec4652b"],
      products: [
        { sku: "SH-ULT-50", name: "Ultimune Power Infusing Concentrate 50ml", zhName: "红腰子精华", msrpMinor: 79_000, currency: "CNY", specs: { size: "50ml" } },
        { sku: "SH-BWS-50", name: "Benefiance Wrinkle Smoothing Cream 50ml", zhName: "盼丽风姿抗皱面霜", msrpMinor: 108_000, currency: "CNY", specs: { size: "50ml" } },
        { sku: "SH-SSG-30", name: "Synchro Skin Self-Refreshing Foundation 30ml", zhName: "粉底液", msrpMinor: 52_000, currency: "CNY", specs: { size: "30ml", spf: "SPF30" } },
        { sku: "SH-CCF-125", name: "Clarifying Cleansing Foam 125ml", zhName: "洁面膏", msrpMinor: 33_000, currency: "CNY", specs: { size: "125ml" } },
      ],
    },
  ]),
  brandOrg("amway", "Amway", [
    {
      name: "Amway",
      popularity: 1,
      aliases: ["安利", "纽崔莱", "Nutrilite"],
      category: "Health & beauty",
      logoHashes: ["8e167bfb81c95ff1", "168f323343634966"],
      products: [
        { sku: "NUT-PRO-450", name: "Nutrilite Protein Powder 450g", zhName: "蛋白粉", msrpMinor: 43_800, currency: "CNY", specs: { weight: "450g" } },
        { sku: "NUT-VC-120", name: "Nutrilite Vitamin C 120 Tablets", zhName: "维生素C片", msrpMinor: 22_800, currency: "CNY", specs: { count: "120" } },
        { sku: "ESP-100188", name: "eSpring Water Purifier", zhName: "益之源净水器", msrpMinor: 815_000, currency: "CNY", specs: { filter: "UV + carbon" } },
        { sku: "ART-SLX-50", name: "Artistry Supreme LX Regenerating Cream 50g", zhName: "雅姿面霜", msrpMinor: 169_000, currency: "CNY", specs: { weight: "50g" } },
      ],
    },
  ]),
  brandOrg("pernod-ricard", "Pernod Ricard", [
    {
      name: "Pernod Ricard",
      popularity: 1,
      aliases: ["保乐力加", "Martell", "马爹利", "Chivas", "芝华士"],
      category: "Food & drink",
      logoHashes: ["8ff15f09127bda26"],
      products: [
        { sku: "MAR-CB-700", name: "Martell Cordon Bleu 700ml", zhName: "马爹利蓝带干邑", msrpMinor: 188_800, currency: "CNY", specs: { volume: "700ml", abv: "40%" }, logoHashes: ["e0a64dc2ac2fe01c"] },
        { sku: "MAR-XO-700", name: "Martell XO 700ml", zhName: "马爹利XO干邑", msrpMinor: 288_800, currency: "CNY", specs: { volume: "700ml", abv: "40%" }, logoHashes: ["e0a64dc2ac2fe01c"] },
        { sku: "CHI-18-700", name: "Chivas Regal 18 Year Old 700ml", zhName: "芝华士18年威士忌", msrpMinor: 78_800, currency: "CNY", specs: { volume: "700ml", age: "18 years" }, logoHashes: ["6382a02260a346e1"] },
        { sku: "RS-21-700", name: "Royal Salute 21 Year Old 700ml", zhName: "皇家礼炮21年", msrpMinor: 168_800, currency: "CNY", specs: { volume: "700ml", age: "21 years" }, logoHashes: ["fcdd976246e2de31"] },
        { sku: "PJ-GB-750", name: "Perrier-Jouët Grand Brut 750ml", zhName: "巴黎之花香槟", msrpMinor: 4_990, currency: "EUR", specs: { volume: "750ml" }, logoHashes: ["2b45a17193738cd6"] },
      ],
    },
  ]),
  brandOrg("dulux", "Dulux", [
    {
      name: "Dulux",
      popularity: 0.7,
      aliases: ["多乐士", "Dulax"],
      category: "Home & kitchen",
      logoHashes: ["607fad782e3607ae"],
      products: [
        { sku: "A8998", name: "Dulux Ambiance Interior Paint 5L", zhName: "致悦 内墙乳胶漆", msrpMinor: 69_800, currency: "CNY", specs: { volume: "5L", finish: "matt" } },
        { sku: "A991", name: "Dulux Easy Clean Interior Paint 5L", zhName: "易擦洗 内墙漆", msrpMinor: 42_800, currency: "CNY", specs: { volume: "5L", finish: "eggshell" } },
        { sku: "A922", name: "Dulux Weathershield Exterior Paint 15L", zhName: "外墙漆", msrpMinor: 98_000, currency: "CNY", specs: { volume: "15L" } },
        { sku: "A914", name: "Dulux Primer 5L", zhName: "抗碱底漆", msrpMinor: 28_800, currency: "CNY", specs: { volume: "5L" } },
      ],
    },
  ]),
  brandOrg("bioderma", "Bioderma", [
    {
      name: "Bioderma",
      popularity: 1,
      aliases: ["贝德玛", "Bioderm", "ビオデルマ"],
      category: "Health & beauty",
      logoHashes: ["995fd2f06a420a95"],
      products: [
        { sku: "028775", name: "Sensibio H2O Micellar Water 500ml", zhName: "卸妆水", msrpMinor: 1_790, currency: "EUR", specs: { volume: "500ml" } },
        { sku: "028090", name: "Atoderm Cream 500ml", zhName: "润肤霜", msrpMinor: 18_900, currency: "CNY", specs: { volume: "500ml" } },
        { sku: "028744", name: "Photoderm SPF50+ Aquafluide 40ml", zhName: "防晒霜", msrpMinor: 16_800, currency: "CNY", specs: { volume: "40ml", spf: "SPF50+" } },
        { sku: "028581", name: "Hydrabio Serum 40ml", zhName: "保湿精华", msrpMinor: 25_800, currency: "CNY", specs: { volume: "40ml" } },
      ],
    },
  ]),
  brandOrg("supor", "SUPOR", [
    {
      name: "SUPOR",
      popularity: 0.7,
      aliases: ["苏泊尔", "Suppor"],
      category: "Home & kitchen",
      logoHashes: ["4eda9c8aeab9fe28"],
      products: [
        { sku: "SF40HC63", name: "IH Rice Cooker 4L", zhName: "电饭煲", msrpMinor: 59_900, currency: "CNY", specs: { capacity: "4L", power: "1000W" } },
        { sku: "EC32FP01", name: "Non-stick Wok 32cm", zhName: "不粘炒锅", msrpMinor: 29_900, currency: "CNY", specs: { diameter: "32cm" } },
        { sku: "SY-60YC8001", name: "Electric Pressure Cooker 6L", zhName: "电压力锅", msrpMinor: 45_900, currency: "CNY", specs: { capacity: "6L" } },
        { sku: "SW-17S59A", name: "Electric Kettle 1.7L", zhName: "电水壶", msrpMinor: 12_900, currency: "CNY", specs: { capacity: "1.7L", power: "1800W" } },
      ],
    },
  ]),
  brandOrg("joyoung", "Joyoung", [
    {
      name: "Joyoung",
      popularity: 0.7,
      aliases: ["九阳", "Jiuyang", "Joyong"],
      category: "Home & kitchen",
      logoHashes: ["80a7f7286bae9001"],
      products: [
        { sku: "DJ13B-D79", name: "Soymilk Maker 1.3L", zhName: "豆浆机", msrpMinor: 49_900, currency: "CNY", specs: { capacity: "1.3L" } },
        { sku: "Y1-L18Y1", name: "High-speed Blender Y1", zhName: "破壁机", msrpMinor: 129_900, currency: "CNY", specs: { power: "1200W" } },
        { sku: "KL55-VF726", name: "Air Fryer 5.5L", zhName: "空气炸锅", msrpMinor: 35_900, currency: "CNY", specs: { capacity: "5.5L" } },
        { sku: "F-30FY1", name: "Rice Cooker 3L", zhName: "电饭煲", msrpMinor: 29_900, currency: "CNY", specs: { capacity: "3L" } },
      ],
    },
  ]),
  // Four members that joined after the launch, which makes the twenty of DESIGN's alliance.
  brandOrg(
    "dyson",
    "Dyson",
    [
      {
        name: "Dyson",
        popularity: 0.9,
        aliases: ["戴森", "Dysen", "Dysom"],
        category: "Home appliances",
        logoHashes: ["88aec14c5f7b801b"],
        products: [
          { sku: "HD15", name: "Supersonic Hair Dryer HD15", zhName: "吹风机", msrpMinor: 299_900, currency: "CNY", specs: { power: "1600W", attachments: "5" } },
          { sku: "HS05", name: "Airwrap Complete Long", zhName: "美发造型器", msrpMinor: 439_900, currency: "CNY", specs: { attachments: "6" } },
          { sku: "SV28", name: "V12 Detect Slim Cordless Vacuum", zhName: "无绳吸尘器", msrpMinor: 459_900, currency: "CNY", specs: { runtime: "60 min" } },
          { sku: "HP09", name: "Purifier Hot+Cool Formaldehyde", zhName: "空气净化暖风扇", msrpMinor: 539_900, currency: "CNY", specs: { filter: "HEPA H13" } },
        ],
      },
    ],
    "2018-03-01T02:00:00.000Z",
  ),
  brandOrg(
    "chow-tai-fook",
    "Chow Tai Fook",
    [
      {
        name: "Chow Tai Fook",
        popularity: 0.8,
        aliases: ["周大福", "CTF", "Chow Tai Fok"],
        category: "Jewellery",
        logoHashes: ["bc96c41ab4f46800"],
        products: [
          { sku: "F217328", name: "999.9 Gold Transfer Bead Bracelet", zhName: "足金转运珠手链", msrpMinor: 358_000, currency: "CNY", specs: { purity: "999.9", weight: "4.5g" } },
          { sku: "U181203", name: "18K White Gold Diamond Ring 30pt", zhName: "钻石戒指", msrpMinor: 1_288_000, currency: "CNY", specs: { metal: "18K white gold", diamond: "0.30ct" } },
          { sku: "E126921", name: "Jadeite Bangle", zhName: "翡翠手镯", msrpMinor: 1_980_000, currency: "CNY", specs: { stone: "jadeite A" } },
          { sku: "R22468", name: "Pt950 Platinum Necklace 45cm", zhName: "铂金项链", msrpMinor: 428_000, currency: "CNY", specs: { metal: "Pt950", length: "45 cm" } },
        ],
      },
    ],
    "2018-06-15T02:00:00.000Z",
  ),
  brandOrg(
    "by-health",
    "BY-HEALTH",
    [
      {
        name: "BY-HEALTH",
        popularity: 0.6,
        aliases: ["汤臣倍健", "BYHEALTH", "By Health"],
        category: "Health supplements",
        logoHashes: ["d1512cbaf0c81f25"],
        products: [
          { sku: "BH-PRO-450", name: "Protein Powder 450g", zhName: "蛋白粉", msrpMinor: 39_800, currency: "CNY", specs: { weight: "450g" } },
          { sku: "BH-VC-100", name: "Vitamin C Chewable Tablets 100", zhName: "维生素C咀嚼片", msrpMinor: 8_800, currency: "CNY", specs: { count: "100" } },
          { sku: "BH-FO-100", name: "Fish Oil Softgels 100", zhName: "鱼油软胶囊", msrpMinor: 19_800, currency: "CNY", specs: { count: "100" } },
          { sku: "BH-CA-60", name: "Calcium + Vitamin D 60", zhName: "钙维生素D片", msrpMinor: 12_800, currency: "CNY", specs: { count: "60" } },
        ],
      },
    ],
    "2019-01-10T02:00:00.000Z",
  ),
  brandOrg(
    "mattel",
    "Mattel",
    [
      {
        name: "Mattel",
        popularity: 0.7,
        aliases: ["美泰", "Barbie", "芭比", "Hot Wheels", "风火轮", "Matel"],
        category: "Toys",
        logoHashes: ["de13c744aacd5e44", "d0adddc2c3d66ede"],
        products: [
          { sku: "HJW55", name: "Barbie Dreamhouse", zhName: "芭比梦想豪宅", msrpMinor: 179_900, currency: "CNY", specs: { height: "114 cm" } },
          { sku: "HRN95", name: "Barbie Signature Doll", zhName: "芭比娃娃", msrpMinor: 29_900, currency: "CNY", specs: { height: "30 cm" } },
          { sku: "GWT56", name: "Hot Wheels Ultimate Garage", zhName: "风火轮 终极车库", msrpMinor: 99_900, currency: "CNY", specs: { cars: "2" } },
          { sku: "HLJ42", name: "Hot Wheels 20-Car Gift Pack", zhName: "风火轮 20辆装", msrpMinor: 12_900, currency: "CNY", specs: { count: "20", scale: "1:64" } },
        ],
      },
    ],
    "2019-09-05T02:00:00.000Z",
  ),
];

function emailOf(role: string, slug: string): string {
  return `${role}@${slug}.example`;
}

function brandOrgUsers(org: DemoOrganization): DemoUser[] {
  return [
    { orgSlug: org.slug, email: emailOf("admin", org.slug), displayName: `${org.name} Admin`, role: UserRole.ADMIN },
    { orgSlug: org.slug, email: emailOf("analyst", org.slug), displayName: `${org.name} Analyst`, role: UserRole.ANALYST },
    { orgSlug: org.slug, email: emailOf("viewer", org.slug), displayName: `${org.name} Viewer`, role: UserRole.VIEWER },
  ];
}

export const DEMO_ORGANIZATIONS: DemoOrganization[] = [PLATFORM_ORGANIZATION, ...BRAND_ORGANIZATIONS, AGENCY_ORGANIZATION];

export const DEMO_USERS: DemoUser[] = [
  { orgSlug: "platform", email: emailOf("admin", "platform"), displayName: "Platform Admin", role: UserRole.ADMIN },
  { orgSlug: "platform", email: emailOf("analyst", "platform"), displayName: "Platform Analyst", role: UserRole.ANALYST },
  ...BRAND_ORGANIZATIONS.flatMap(brandOrgUsers),
  { orgSlug: "sh-psb", email: emailOf("investigator", "sh-psb"), displayName: "Investigator Chen", role: UserRole.INVESTIGATOR },
];
