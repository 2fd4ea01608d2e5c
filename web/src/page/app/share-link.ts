/**
 * A scenario in a link: its text compressed (deflate-raw, built into
 * browsers as CompressionStream) and written in base64url into the address's
 * fragment, which browsers never send to a server. The fragment starts with
 * the link's format tag, so a link made by one version opens in later ones:
 *
 *   #parley-link/1?name=elmira.yaml&deflate=<base64url>
 *
 * No DOM here (the tests import it in Node, which has CompressionStream too).
 */
export const LINK_TAG = "parley-link";
export const LINK_VERSION = 1;
/** Longest link made: longer ones are cut by some mail and chat programs, and slow to paste. The scenario goes as a file instead. */
export const MAX_LINK_LENGTH = 32_768;
/** Largest scenario a link may unpack to (a link cannot make the page hold more than a saved file could). */
export const MAX_TEXT_BYTES = 2 * 1024 * 1024;

export type LinkReading = { name: string; text: string } | { error: string };

function toBase64Url(bytes: Uint8Array): string {
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function fromBase64Url(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return null;
  try {
    const binary = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
    return Uint8Array.from(binary, (c) => c.charCodeAt(0));
  } catch {
    return null;
  }
}

async function deflate(text: string): Promise<Uint8Array> {
  const stream = new Blob([new TextEncoder().encode(text)]).stream().pipeThrough(new CompressionStream("deflate-raw"));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** Inflate, stopping once more than `limit` bytes come out (a small link cannot unpack into a huge text). */
async function inflate(bytes: Uint8Array, limit: number): Promise<string | null> {
  const reader = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream("deflate-raw")).getReader();
  const parts: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > limit) {
      await reader.cancel();
      return null;
    }
    parts.push(value);
  }
  const all = new Uint8Array(size);
  let at = 0;
  for (const p of parts) {
    all.set(p, at);
    at += p.length;
  }
  return new TextDecoder("utf-8", { fatal: true }).decode(all);
}

/** The fragment (without "#") carrying `text` under `name`. */
export async function shareFragment(name: string, text: string): Promise<string> {
  const params = new URLSearchParams({ name, deflate: toBase64Url(await deflate(text)) });
  return `${LINK_TAG}/${LINK_VERSION}?${params}`;
}

/** The whole link for a page at `base` (its address without a fragment); or, past MAX_LINK_LENGTH, how long it would be. */
export async function shareLink(base: string, name: string, text: string): Promise<{ link: string } | { tooLong: number }> {
  const link = `${base.replace(/#.*$/, "")}#${await shareFragment(name, text)}`;
  return link.length > MAX_LINK_LENGTH ? { tooLong: link.length } : { link };
}

/** Whether a fragment (with or without "#") is a shared scenario, whatever its version. */
export function isShareFragment(hash: string): boolean {
  return hash.replace(/^#/, "").startsWith(`${LINK_TAG}/`);
}

/** A shared scenario read from a fragment; an error in words for a link that is damaged or newer than this workbench. */
export async function readShareFragment(hash: string): Promise<LinkReading> {
  const fragment = hash.replace(/^#/, "");
  const m = new RegExp(`^${LINK_TAG}/(\\d+)\\?(.*)$`, "s").exec(fragment);
  if (!m) return { error: "the link is not a Parley scenario link (it should start with #parley-link/)" };
  const version = Number(m[1]);
  if (version > LINK_VERSION)
    return { error: `the link was made by a newer Parley (link format ${version}; this workbench reads up to ${LINK_VERSION}); open it in a newer workbench` };
  if (version < 1) return { error: `the link's format ${version} is unknown` };
  const params = new URLSearchParams(m[2]);
  const name = (params.get("name") ?? "").trim() || "shared-scenario.yaml";
  const packed = params.get("deflate");
  const bytes = packed === null ? null : fromBase64Url(packed);
  if (!bytes) return { error: "the link is damaged: its scenario part is missing or not base64url (was it cut short when copied?)" };
  let text: string | null;
  try {
    text = await inflate(bytes, MAX_TEXT_BYTES);
  } catch {
    return { error: "the link is damaged: its scenario does not unpack (was it cut short when copied?)" };
  }
  if (text === null)
    return { error: `the link's scenario unpacks to more than ${MAX_TEXT_BYTES.toLocaleString("en-US")} bytes, more than a workbench file may hold` };
  return { name: safeName(name), text };
}

/** The name a shared scenario is offered under: its last part, a scenario extension. */
function safeName(name: string): string {
  const last = name.split(/[/\\]/).pop()!.replace(/^\.+/, "") || "shared-scenario";
  return /\.(ya?ml|json)$/i.test(last) ? last : `${last}.yaml`;
}
