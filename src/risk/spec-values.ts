import { BoundedMemo } from "../bounded-memo";
import { foldText } from "../matching/text-normalization";

// How a listing's specs are compared with the genuine catalogue's: by name whatever its case or
// spacing ("Length", " length"), and by value as a measure where it is one, so that "38 cm",
// "38.0 cm" and "380 mm" are one length (folded as text, "38.0 cm" read as "380cm"), and as
// folded text otherwise ("256GB", "Monogram canvas").

// A unit's dimension and its size in that dimension's base unit. Storage is counted in decimal
// units, as its makers label it.
const UNITS: Record<string, { dimension: string; factor: number }> = {
  mm: { dimension: "length", factor: 1 },
  cm: { dimension: "length", factor: 10 },
  m: { dimension: "length", factor: 1000 },
  mg: { dimension: "mass", factor: 0.001 },
  g: { dimension: "mass", factor: 1 },
  kg: { dimension: "mass", factor: 1000 },
  ml: { dimension: "volume", factor: 1 },
  l: { dimension: "volume", factor: 1000 },
  mb: { dimension: "storage", factor: 1 },
  gb: { dimension: "storage", factor: 1000 },
  tb: { dimension: "storage", factor: 1_000_000 },
};
const MEASURE = /^\s*(\d+(?:[.,]\d+)?)\s*([a-z]+)\s*$/i;

function measureOf(value: string): string | null {
  const match = MEASURE.exec(value.normalize("NFKC"));
  const unit = match ? UNITS[match[2].toLowerCase()] : undefined;
  if (!match || !unit) return null;
  const base = Number(match[1].replace(",", ".")) * unit.factor;
  return `${unit.dimension}:${Number(base.toPrecision(12))}`;
}

// Spec names and values repeat across listings: each is read once (a listing's spec names are read
// for every brand it claims, and folding a name each time took most of the spec signal's CPU).
const specValues = new BoundedMemo<string, string>(100_000);
const specNames = new BoundedMemo<string, string>(10_000);

export const specValue = (value: string): string => specValues.get(value, (v) => measureOf(v) ?? foldText(v).joined);

export const specName = (name: string): string => specNames.get(name, (n) => foldText(n).joined);
