/**
 * Accessible tabs (WAI-ARIA tab pattern): a tablist of buttons, each
 * controlling a panel; arrow keys, Home and End move between tabs.
 */
export class Tabs {
  private readonly tabs: HTMLButtonElement[];
  current: string;

  constructor(
    list: HTMLElement,
    private readonly onChange: (name: string, previous: string) => void = () => {},
  ) {
    this.tabs = [...list.querySelectorAll<HTMLButtonElement>('[role="tab"]')];
    this.current = this.tabs.find((t) => t.getAttribute("aria-selected") === "true")?.dataset.tab ?? this.tabs[0].dataset.tab!;
    for (const t of this.tabs) {
      t.addEventListener("click", () => this.select(t.dataset.tab!));
      t.addEventListener("keydown", (e) => this.keydown(e, t));
    }
    this.select(this.current, true);
  }

  select(name: string, initial = false): void {
    const previous = this.current;
    for (const t of this.tabs) {
      const on = t.dataset.tab === name;
      t.setAttribute("aria-selected", String(on));
      t.tabIndex = on ? 0 : -1;
      const panel = document.getElementById(t.getAttribute("aria-controls")!);
      if (panel) panel.hidden = !on;
    }
    this.current = name;
    if (!initial || previous !== name) this.onChange(name, previous);
    else this.onChange(name, "");
  }

  private keydown(e: KeyboardEvent, tab: HTMLButtonElement): void {
    const i = this.tabs.indexOf(tab);
    let j = -1;
    if (e.key === "ArrowRight") j = (i + 1) % this.tabs.length;
    else if (e.key === "ArrowLeft") j = (i - 1 + this.tabs.length) % this.tabs.length;
    else if (e.key === "Home") j = 0;
    else if (e.key === "End") j = this.tabs.length - 1;
    if (j < 0) return;
    e.preventDefault();
    this.tabs[j].focus();
    this.select(this.tabs[j].dataset.tab!);
  }
}
