import { BRAND_ORGANIZATIONS, type DemoBrand, type DemoProduct } from "../seed/demo-alliance.data";

// The genuine catalogue the generated listings sell or imitate: the demo alliance's brands.

export interface GenBrand extends Omit<DemoBrand, "products"> {
  products: GenProduct[];
}

export interface GenProduct extends DemoProduct {
  brand: GenBrand;
  logoHashes: string[];
}

export function generatorCatalogue(): GenBrand[] {
  return BRAND_ORGANIZATIONS.flatMap((org) =>
    org.brands.map((demo) => {
      const brand: GenBrand = { ...demo, products: [] };
      brand.products = demo.products.map((p) => ({ ...p, brand, logoHashes: p.logoHashes ?? demo.logoHashes }));
      return brand;
    }),
  );
}
