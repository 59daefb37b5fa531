import { Column, CreateDateColumn, Entity } from "typeorm";
import { TenantOwned } from "./tenant-owned";

@Entity("brand")
export class Brand extends TenantOwned {
  @Column({ type: "text", unique: true })
  name: string;

  // Other names the brand is sold under, in any script ("LV", "路易威登").
  @Column({ type: "text", array: true, default: () => "'{}'" })
  aliases: string[];

  @CreateDateColumn({ name: "created_at", type: "timestamptz" })
  createdAt: Date;
}
