/** Vite's `?raw` imports: the file's text. */
declare module "*?raw" {
  const text: string;
  export default text;
}

/** Vite's `import.meta.glob` (lazy form): one loader per file matched. */
interface ImportMeta {
  glob<T>(pattern: string, options: { query?: string; import?: string; eager?: false }): Record<string, () => Promise<T>>;
}

/** True in the static site's build (`npm run build:static`, web/vite.config.ts), false in the served workbench's. */
declare const __PARLEY_STATIC__: boolean;
