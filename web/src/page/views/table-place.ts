/**
 * The state table's place across an edit (a form's, an undo): the state at
 * the top of the view, by its name (an edit may renumber every state), and
 * how far past that row's top the view is scrolled; found again in the
 * order of the edited model. Rows are `row` pixels high.
 */

export interface TablePlace {
  /** The name of the state at the top (null: the view is at the very top, or past the rows). */
  name: string | null;
  offset: number;
  /** The scroll position itself, used when the state is gone. */
  scroll: number;
}

/** The place of a view scrolled `scroll` pixels down rows of the states `order`, named by `name`. */
export function placeAt(order: readonly number[], scroll: number, row: number, name: (s: number) => string): TablePlace {
  const pos = Math.floor(scroll / row);
  const s = order[pos];
  return { name: scroll > 0 && s !== undefined ? name(s) : null, offset: scroll - pos * row, scroll };
}

/** Where to scroll to show `place` in `order`: its state at the same height, else the same position. */
export function scrollFor(place: TablePlace, order: readonly number[], row: number, name: (s: number) => string): number {
  if (place.name === null) return place.scroll;
  const pos = order.findIndex((s) => name(s) === place.name);
  return pos < 0 ? place.scroll : pos * row + place.offset;
}
