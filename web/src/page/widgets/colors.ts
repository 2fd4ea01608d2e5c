/** One colour per decision maker (Okabe–Ito, safe for colour-blind readers), in graph edges and table headers alike. */
export const DM_COLORS = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#6b6b6b", "#8C564B"];

export function dmColor(dm: number): string {
  return DM_COLORS[dm % DM_COLORS.length];
}
