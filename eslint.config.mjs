// ESLint 9 flat config with typescript-eslint 8.
import js from "@eslint/js";
import { defineConfig, globalIgnores } from "eslint/config";
import tseslint from "typescript-eslint";

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
    files: ["src/domain/**/*.ts", "src/resolvers/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["**/db/transaction"],
              importNames: ["inTransaction"],
              message: "Write on a viewer's behalf through inTransactionAs (src/auth/live-credential.ts), which refuses the write once the viewer's credential is revoked.",
            },
          ],
        },
      ],
    },
  },
]);
