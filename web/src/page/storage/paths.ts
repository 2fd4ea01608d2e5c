/**
 * The names scenario files may have in the browser's storage: the rules of
 * the served folder (src/server/workspace.ts), so a file moves between the
 * two under the same name. No DOM here: the tests import it in Node.
 */
export const SCENARIO_EXTENSIONS = [".yaml", ".yml", ".json"];
/** Largest scenario kept in the browser, as the served folder's default limit. */
export const MAX_FILE_BYTES = 2 * 1024 * 1024;

/** A user-given name -> the stored path (folders separated by "/"), or the reason it cannot be one. */
export function checkPath(userPath: string): { path: string } | { error: string; code: string } {
  const given = userPath.trim();
  if (given.length === 0 || given.length > 1024) return { code: "bad-path", error: "a file name is required (at most 1,024 characters)" };
  if (given.includes("\0")) return { code: "bad-path", error: "the name contains a NUL byte" };
  if (given.startsWith("/") || given.startsWith("\\") || /^[A-Za-z]:/.test(given))
    return { code: "outside-workspace", error: "absolute paths are not allowed; give a name such as my-scenario.yaml" };
  const parts = given.split(/[/\\]+/).filter((p) => p !== "" && p !== ".");
  if (parts.includes("..")) return { code: "outside-workspace", error: `'${given}' leads outside the browser's scenarios ("..")` };
  if (parts.some((p) => p.startsWith("."))) return { code: "hidden-path", error: `'${given}' is a hidden file or folder` };
  const path = parts.join("/");
  const ext = /\.[^./]*$/.exec(path)?.[0].toLowerCase() ?? "";
  if (!SCENARIO_EXTENSIONS.includes(ext)) return { code: "bad-extension", error: `only ${SCENARIO_EXTENSIONS.join(", ")} files can be opened or saved` };
  return { path };
}

/** The size refusal, in bytes of UTF-8. */
export function tooLarge(bytes: number, limit = MAX_FILE_BYTES): string | null {
  return bytes > limit
    ? `the scenario is ${bytes.toLocaleString("en-US")} bytes, over the limit of ${limit.toLocaleString("en-US")} bytes per file kept in the browser; save it to disk instead`
    : null;
}
