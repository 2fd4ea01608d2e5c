/** One colour per decision maker (Okabe–Ito, safe for colour-blind readers), in graph edges and table headers alike. */
export const DM_COLORS = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#6b6b6b", "#8C564B"];

export function dmColor(dm: number): string {
  return DM_COLORS[dm % DM_COLORS.length];
}

/**
 * The same colours darkened for text: each has a contrast of at least 5.6:1 on
 * white (WCAG AA asks 4.5:1), so a party's name in its colour stays readable
 * on the page's pale backgrounds too.
 */
export const DM_TEXT_COLORS = ["#006ca9", "#aa4b00", "#007555", "#8f5575", "#8a5f00", "#346c8c", "#676767", "#8c564b"];

export function dmTextColor(dm: number): string {
  return DM_TEXT_COLORS[dm % DM_TEXT_COLORS.length];
}
