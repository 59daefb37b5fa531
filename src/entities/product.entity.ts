import { Column, JoinColumn, ManyToOne, CreateDateColumn, Entity, Unique } from "typeorm";
import { Brand } from "./brand.entity";
import { sameOwnerAs, TenantOwned } from "./tenant-owned";
import { bigintAsNumber } from "./transformers";

@Entity("product")
@Unique("uq_product_brand_sku", ["brandId", "sku"])
export class Product extends TenantOwned {
  @Column({ name: "brand_id", type: "uuid" })
  brandId: string;

  @ManyToOne(() => Brand, { onDelete: "RESTRICT" })
  @JoinColumn(sameOwnerAs("brand_id"))
  brand?: Brand;

  @Column({ type: "text" })
  sku: string;

  @Column({ type: "text" })
  name: string;

  @Column({ type: "text" })
  category: string;

  @Column({ name: "msrp_minor", type: "bigint", transformer: bigintAsNumber })
  msrpMinor: number;

  @Column({ type: "char", length: 3 })
  currency: string;

  @Column({ type: "jsonb", default: () => "'{}'" })
  specs: Record<string, string>;

  // 64-bit perceptual hashes of the genuine logo, as 16 hex digits.
  @Column({ name: "logo_hashes", type: "text", array: true, default: () => "'{}'" })
  logoHashes: string[];

  // When the SKU was first added; when it was in the catalogue, and under which category, is in its
  // spells (product_spell).
  @CreateDateColumn({ name: "created_at", type: "timestamptz" })
  createdAt: Date;

  // Taken out of the catalogue: the risk model no longer measures listings against it.
  @Column({ name: "removed_at", type: "timestamptz", nullable: true })
  removedAt: Date | null;
}
