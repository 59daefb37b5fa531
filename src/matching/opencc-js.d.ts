// opencc-js's "t2cn" entry, its traditional-to-simplified dictionaries alone (a tenth of the whole
// package): the package gives this entry's types in its exports map, which this project's CommonJS
// module resolution does not read, so they are the whole package's, of which it is a part.
declare module "opencc-js/t2cn" {
  export * from "opencc-js";
}
