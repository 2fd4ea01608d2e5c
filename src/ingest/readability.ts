/**
 * The DOM half of reading an HTML page: Mozilla's Readability (the algorithm
 * behind Firefox's Reader View) picks the article's main content from a
 * parsed document; we return its title and block texts. Which DOM parsed the
 * page is the caller's business: html.ts builds one with linkedom in Node,
 * the workbench passes the browser's DOMParser. Readability changes the
 * document it reads, so pass one made for this call.
 */
import { Readability } from "@mozilla/readability";

/** Elements whose text is one block of the article. */
const BLOCKS = "p, h1, h2, h3, h4, h5, h6, li, blockquote, pre, td, figcaption";

interface MiniNode {
  textContent: string | null;
  querySelectorAll(selector: string): ArrayLike<MiniNode>;
  closest?(selector: string): MiniNode | null;
  parentElement?: MiniNode | null;
}

/** The article's title and blocks in a parsed document; null when the page has no article. */
export function readArticle(document: unknown): { title?: string; blocks: string[] } | null {
  const title = (document as { title?: string }).title ?? undefined;
  const reader = new Readability(document as never, { serializer: (node: unknown) => node as MiniNode, charThreshold: 200 });
  let article: ReturnType<typeof reader.parse>;
  try {
    article = reader.parse();
  } catch {
    article = null;
  }
  const root = article?.content as MiniNode | null | undefined;
  if (!root) return null;
  const blocks: string[] = [];
  for (const node of Array.from(root.querySelectorAll(BLOCKS))) {
    // A block inside another block (a <p> in a <li> or <blockquote>) is read once, by its outermost block.
    if (hasBlockAncestor(node, root)) continue;
    const text = node.textContent?.trim();
    if (text) blocks.push(text);
  }
  if (blocks.length === 0) {
    const text = root.textContent?.trim();
    if (text) blocks.push(text);
  }
  return { title: article?.title?.trim() || title?.trim() || undefined, blocks };
}

function hasBlockAncestor(node: MiniNode, root: MiniNode): boolean {
  for (let p = node.parentElement; p && p !== root; p = p.parentElement) {
    if ((p as unknown as { matches?: (s: string) => boolean }).matches?.(BLOCKS)) return true;
  }
  return false;
}
