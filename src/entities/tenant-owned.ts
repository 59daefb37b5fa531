import { Column, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from "typeorm";
import { Organization } from "./organization.entity";

// The join of a relation to a parent row of the same owner: its foreign key covers the owner too,
// so that the database itself refuses a row that names another organization's parent (a case
// under another member's brand, a note or a takedown on another member's case), whatever the
// code writing it does.
export const sameOwnerAs = (column: string, ownerColumn = "owner_org_id", parentOwner = "ownerOrgId") => [
  { name: column, referencedColumnName: "id" },
  { name: ownerColumn, referencedColumnName: parentOwner },
];

// A row owned by one organization: the indexed owner_org_id that its row scope filters on.
export abstract class TenantOwned {
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Index()
  @Column({ name: "owner_org_id", type: "uuid" })
  ownerOrgId: string;

  @ManyToOne(() => Organization, { onDelete: "RESTRICT" })
  @JoinColumn({ name: "owner_org_id" })
  ownerOrg?: Organization;
}
