import { Column, JoinColumn, ManyToOne, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, Unique } from "typeorm";
import { Brand } from "./brand.entity";
import { Organization } from "./organization.entity";
import { bigintAsNumber } from "./transformers";

@Entity("product")
@Unique("uq_product_brand_sku", ["brandId", "sku"])
export class Product {
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Index()
  @Column({ name: "owner_org_id", type: "uuid" })
  ownerOrgId: string;

  @ManyToOne(() => Organization, { onDelete: "RESTRICT" })
  @JoinColumn({ name: "owner_org_id" })
  ownerOrg?: Organization;

  @Column({ name: "brand_id", type: "uuid" })
  brandId: string;

  @ManyToOne(() => Brand, { onDelete: "RESTRICT" })
  @JoinColumn({ name: "brand_id" })
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

  @CreateDateColumn({ name: "created_at", type: "timestamptz" })
  createdAt: Date;
}
