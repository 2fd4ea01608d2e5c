// Start each build from an empty dist/: a module moved or deleted in src/ must not live on in the package.
import { rmSync } from "node:fs";
rmSync(new URL("../dist", import.meta.url), { recursive: true, force: true });
