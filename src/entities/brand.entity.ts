import { Column, CreateDateColumn, Entity, Unique } from "typeorm";
import { TenantOwned } from "./tenant-owned";

@Entity("brand")
// What its owners' rows refer to (sameOwnerAs).
@Unique("uq_brand_id_owner", ["id", "ownerOrgId"])
export class Brand extends TenantOwned {
  @Column({ type: "text", unique: true })
  name: string;

  // Other names the brand is sold under, in any script ("LV", "路易威登").
  @Column({ type: "text", array: true, default: () => "'{}'" })
  aliases: string[];

  @CreateDateColumn({ name: "created_at", type: "timestamptz" })
  createdAt: Date;
}
