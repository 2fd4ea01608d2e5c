/**
 * `parley-gmcr/node`: what needs Node. Files written atomically (never
 * half-written, never replaced unless asked), a worker pool of Node worker
 * threads, and HTML articles read without a browser (linkedom).
 *
 * @packageDocumentation
 */
export { TargetError, writeFileAtomic, writeFileAtomicSync, type WriteAsyncOptions, type WriteSyncOptions } from "../node/atomic-write.js";
export { defaultThreads, startNodePool } from "../parallel/node-pool.js";
export { extractHtmlWithReadability } from "../ingest/html.js";

// Types that the exported ones refer to (TypeDoc documents them; users can name them).
export type { Target } from "../node/atomic-write.js";
