// ESLint 9 flat config with typescript-eslint 8.
import js from "@eslint/js";
import { defineConfig, globalIgnores } from "eslint/config";
import tseslint from "typescript-eslint";

const viewerWritesOnly = {
  group: ["**/db/transaction"],
  importNames: ["inTransaction"],
  message: "Write on a viewer's behalf through inTransactionAs (src/auth/live-credential.ts), which refuses the write once the viewer's credential is revoked.",
};
const noGraphQL = {
  group: ["graphql", "graphql/*", "type-graphql", "graphql-*", "@apollo/*"],
  message: "Domain services, data access and entities are plain TypeScript: GraphQL stays in src/api, src/schema, src/resolvers and src/auth.",
};

export default defineConfig([
  globalIgnores([
    "node_modules/",
    "dist/",
    ".data/",
    "coverage/",
    "src/__generated__/",
    "test/__generated__/",
  ]),
  {
    files: ["**/*.ts"],
    extends: [js.configs.recommended, tseslint.configs.recommended],
    rules: {
      "no-console": "off",
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unused-vars": [
        "error",
        {
          argsIgnorePattern: "^_",
          varsIgnorePattern: "^_",
          caughtErrorsIgnorePattern: "^_",
          destructuredArrayIgnorePattern: "^_",
        },
      ],
    },
  },
  {
    // A write on a viewer's behalf must not commit once its credential is revoked.
    files: ["src/resolvers/**/*.ts"],
    rules: { "no-restricted-imports": ["error", { patterns: [viewerWritesOnly] }] },
  },
  {
    files: ["src/domain/**/*.ts"],
    rules: { "no-restricted-imports": ["error", { patterns: [viewerWritesOnly, noGraphQL] }] },
  },
  {
    // Below the API: shared by the CLI, the ingest and the tests, with no GraphQL in them.
    files: ["src/{data,db,entities,ingest,risk,matching,cli,generator,seed}/**/*.ts", "src/errors.ts"],
    rules: { "no-restricted-imports": ["error", { patterns: [noGraphQL] }] },
  },
]);
