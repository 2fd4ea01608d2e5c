/**
 * The scenarios the static site is built with (scenarios/: the default
 * scenario, its what-ifs and the classic cases), each a chunk of its own
 * loaded when it is first read. They cannot be changed: a save keeps the
 * edited copy in the browser's storage, under the same name, in front of it.
 */
const loaders = import.meta.glob<string>("../../../../scenarios/*.yaml", { query: "?raw", import: "default" });

const byName = new Map(Object.entries(loaders).map(([key, load]) => [key.slice(key.lastIndexOf("/") + 1), load]));

/** The shipped scenarios' names, and their sizes are not known until read. */
export function builtInNames(): string[] {
  return [...byName.keys()].sort();
}

export function hasBuiltIn(path: string): boolean {
  return byName.has(path);
}

export async function readBuiltIn(path: string): Promise<string | undefined> {
  const load = byName.get(path);
  return load ? load() : undefined;
}

export const DEFAULT_SCENARIO = "ukraine-2025.yaml";
