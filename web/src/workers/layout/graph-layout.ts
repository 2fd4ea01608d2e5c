/**
 * Where the Graph view puts the states, computed off the page's thread (the
 * layout worker runs this module; it is pure, so the tests run it in Node).
 *
 * - rings: the root (the focus, or today) in the middle, each state on the
 *   ring of its distance in moves; a ring's states in the order of their
 *   neighbours on the ring inside it, so moves cross little;
 * - layered: one layer per distance from the root, top to bottom, ordered by
 *   the same rule; a layer wider than the drawing is folded into several rows,
 *   so a large graph fills a screen-shaped area instead of a flat strip;
 * - force: a force-directed layout (d3-force: many-body repulsion with the
 *   Barnes–Hut approximation, springs along the moves), started from the
 *   rings so that it is the same every time, reporting its progress;
 * - grid: rows and columns in the order given.
 */
import type { LayoutInput, Positions } from "../../protocol/layout.js";
import { forceLink, forceManyBody, forceSimulation, forceX, forceY, type SimulationNodeDatum } from "d3-force";

/** Room for a state and its name below it. */
export const GAP = { x: 130, y: 88 };

/** Distance in moves (either direction) from the root; unreached states get the largest distance plus one. */
export function distances(input: LayoutInput): Int32Array {
  const { n, edges, root } = input;
  const adj = adjacency(n, edges);
  const dist = new Int32Array(n).fill(-1);
  if (n === 0) return dist;
  const queue = [root];
  dist[root] = 0;
  for (let q = 0; q < queue.length; q++) {
    const v = queue[q];
    for (const t of adj[v])
      if (dist[t] < 0) {
        dist[t] = dist[v] + 1;
        queue.push(t);
      }
  }
  let max = 0;
  for (const d of dist) max = Math.max(max, d);
  for (let i = 0; i < n; i++) if (dist[i] < 0) dist[i] = max + 1;
  return dist;
}

function adjacency(n: number, edges: [number, number][]): number[][] {
  const adj: number[][] = Array.from({ length: n }, () => []);
  for (const [a, b] of edges) {
    if (a === b) continue;
    adj[a].push(b);
    adj[b].push(a);
  }
  return adj;
}

/** The states of each distance, each level ordered by the mean position of its neighbours in the level before (then one pass back up). */
function orderedLevels(input: LayoutInput): number[][] {
  const dist = distances(input);
  const adj = adjacency(input.n, input.edges);
  const levels: number[][] = [];
  for (let i = 0; i < input.n; i++) (levels[dist[i]] ??= []).push(i);
  const pos = new Float64Array(input.n);
  const place = (level: number[]) => level.forEach((v, k) => (pos[v] = level.length > 1 ? k / (level.length - 1) : 0.5));
  const sortBy = (level: number[], near: number) =>
    level.sort((a, b) => meanPos(a, near) - meanPos(b, near) || a - b).forEach((v, k) => (pos[v] = level.length > 1 ? k / (level.length - 1) : 0.5));
  const meanPos = (v: number, level: number) => {
    let sum = 0;
    let count = 0;
    for (const t of adj[v])
      if (dist[t] === level) {
        sum += pos[t];
        count++;
      }
    return count ? sum / count : pos[v];
  };
  const all = levels.filter(Boolean);
  all.forEach(place);
  for (let l = 1; l < all.length; l++) sortBy(all[l], dist[all[l - 1][0]]);
  for (let l = all.length - 2; l >= 1; l--) sortBy(all[l], dist[all[l + 1][0]]);
  return all;
}

export function rings(input: LayoutInput): Positions {
  const out = new Float64Array(input.n * 2);
  const levels = orderedLevels(input);
  let radius = 0;
  for (const [l, level] of levels.entries()) {
    if (l > 0) radius = Math.max(radius + GAP.y * 1.3, (level.length * GAP.x * 0.8) / (2 * Math.PI));
    level.forEach((v, k) => {
      const a = (2 * Math.PI * k) / level.length - Math.PI / 2 + (l % 2 ? Math.PI / Math.max(level.length, 1) : 0);
      out[2 * v] = level.length === 1 && l === 0 ? 0 : radius * Math.cos(a);
      out[2 * v + 1] = level.length === 1 && l === 0 ? 0 : radius * Math.sin(a);
    });
  }
  return out;
}

export function layered(input: LayoutInput): Positions {
  const out = new Float64Array(input.n * 2);
  const levels = orderedLevels(input);
  const widest = Math.max(1, ...levels.map((l) => l.length));
  // Columns per row: the number that makes the drawing's shape closest to the area's.
  let best = widest;
  let bestMiss = Number.POSITIVE_INFINITY;
  for (let cols = Math.min(widest, 4); cols <= widest; cols++) {
    const rows = levels.reduce((a, l) => a + Math.ceil(l.length / cols), 0);
    const height = rows * GAP.y + (levels.length - 1) * GAP.y * 0.5;
    const miss = Math.abs(Math.log((cols * GAP.x) / Math.max(height, 1) / input.aspect));
    if (miss < bestMiss) {
      bestMiss = miss;
      best = cols;
    }
  }
  let y = 0;
  for (const level of levels) {
    // A folded layer is filled column by column, so its left-to-right order (next to its neighbours above) stays;
    // every other row is shifted by half a column, so a move does not run through the states below it.
    const rows = Math.ceil(level.length / best);
    const cols = Math.ceil(level.length / rows);
    level.forEach((v, k) => {
      const col = Math.floor(k / rows);
      const row = k % rows;
      out[2 * v] = (col - (cols - 1) / 2) * GAP.x + (rows > 1 && row % 2 ? GAP.x / 2 : 0);
      out[2 * v + 1] = y + row * GAP.y;
    });
    y += rows * GAP.y + GAP.y * 0.5;
  }
  return out;
}

export function grid(input: LayoutInput): Positions {
  const out = new Float64Array(input.n * 2);
  const cols = Math.max(1, Math.round(Math.sqrt((input.n * input.aspect * GAP.y) / GAP.x)));
  for (let v = 0; v < input.n; v++) {
    out[2 * v] = (v % cols) * GAP.x;
    out[2 * v + 1] = Math.floor(v / cols) * GAP.y;
  }
  return out;
}

/** Ticks of the force-directed layout. */
export const FORCE_TICKS = 300;

export function force(input: LayoutInput, onProgress: (done: number, total: number) => void = () => {}): Positions {
  const start = rings(input);
  const nodes: SimulationNodeDatum[] = Array.from({ length: input.n }, (_, v) => ({ x: start[2 * v] * 0.5, y: start[2 * v + 1] * 0.5 }));
  const links = input.edges.filter(([a, b]) => a !== b).map(([source, target]) => ({ source, target }));
  const squash = Math.min(1, 1 / input.aspect);
  const sim = forceSimulation(nodes)
    .stop()
    .force(
      "charge",
      forceManyBody()
        .strength(-260)
        .distanceMax(GAP.x * 6),
    )
    .force(
      "link",
      forceLink(links)
        .distance(GAP.x * 0.8)
        .strength(0.08),
    )
    .force("x", forceX(0).strength(0.04 * squash))
    .force("y", forceY(0).strength(0.04 / squash));
  for (let t = 0; t < FORCE_TICKS; t++) {
    sim.tick();
    if (t % 15 === 14) onProgress(t + 1, FORCE_TICKS);
  }
  const out = new Float64Array(input.n * 2);
  nodes.forEach((p, v) => {
    out[2 * v] = p.x ?? 0;
    out[2 * v + 1] = p.y ?? 0;
  });
  return out;
}

export function layout(input: LayoutInput, onProgress?: (done: number, total: number) => void): Positions {
  switch (input.layout) {
    case "rings":
      return rings(input);
    case "layered":
      return layered(input);
    case "force":
      return force(input, onProgress);
    case "grid":
      return grid(input);
  }
}
