import { defineConfig } from "vitest/config";

/**
 * Two projects: `fast` (the inner loop, `npm run test:fast`) and `slow` (fuzzing,
 * load, benchmark smoke run and the workbench in headless Chromium). `npm test`
 * runs both: the whole suite.
 */
const SLOW = ["tests/fuzz.test.ts", "tests/load.test.ts", "tests/bench.test.ts", "tests/e2e/**/*.test.ts"];

export default defineConfig({
  test: {
    testTimeout: 60_000,
    globalSetup: ["tests/global-setup.ts"],
    projects: [
      { extends: true, test: { name: "fast", include: ["tests/**/*.test.ts"], exclude: SLOW } },
      { extends: true, test: { name: "slow", include: SLOW } },
    ],
  },
});
