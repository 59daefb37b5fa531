import { Column, JoinColumn, ManyToOne, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { Organization } from "./organization.entity";

@Entity("brand")
export class Brand {
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Index()
  @Column({ name: "owner_org_id", type: "uuid" })
  ownerOrgId: string;

  @ManyToOne(() => Organization, { onDelete: "RESTRICT" })
  @JoinColumn({ name: "owner_org_id" })
  ownerOrg?: Organization;

  @Column({ type: "text", unique: true })
  name: string;

  // Other names the brand is sold under, in any script ("LV", "路易威登").
  @Column({ type: "text", array: true, default: () => "'{}'" })
  aliases: string[];

  @CreateDateColumn({ name: "created_at", type: "timestamptz" })
  createdAt: Date;
}
