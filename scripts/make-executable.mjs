// The bin entry must be executable after the bundler writes it (scripts/bundle-cli.mjs; npm links it as a command).
import { chmodSync } from "node:fs";
chmodSync(new URL("../dist/cli/main.js", import.meta.url), 0o755);
