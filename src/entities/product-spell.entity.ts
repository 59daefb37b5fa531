import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from "typeorm";
import { Product } from "./product.entity";

// One stretch of time a product was in its brand's catalogue under one category, from startedAt
// until endedAt (not included; null while it lasts). A removal ends the open spell, a product sent
// again opens a new one, and a new category ends one and opens the next at the same instant, so
// the reports can read a catalogue as it stood at any time (src/domain/reports/figure-sources.ts).
@Entity("product_spell")
@Check("chk_product_spell_order", `"ended_at" IS NULL OR "ended_at" >= "started_at"`)
@Index("idx_product_spell_product", ["productId"])
// A product is in its catalogue under one category at a time.
@Index("uq_product_spell_open", ["productId"], { unique: true, where: `"ended_at" IS NULL` })
export class ProductSpell {
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Column({ name: "product_id", type: "uuid" })
  productId: string;

  @ManyToOne(() => Product, { onDelete: "CASCADE" })
  @JoinColumn({ name: "product_id" })
  product?: Product;

  @Column({ type: "text" })
  category: string;

  @Column({ name: "started_at", type: "timestamptz" })
  startedAt: Date;

  @Column({ name: "ended_at", type: "timestamptz", nullable: true })
  endedAt: Date | null;
}
