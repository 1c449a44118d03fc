// The front end of timconv_nb.widgets.DataTable: an ARIA grid with virtual scrolling. The kernel
// keeps every row; this view asks for the rows in its viewport (plus a margin) and applies the
// patches the kernel sends (only the rows that changed). User text is only ever set as text.

const ROW_HEIGHT = 28; // px; table.css sizes rows with the same number
const MARGIN = 20; // rows fetched above and below the viewport, so a scroll rarely shows a gap
const SVG = "http://www.w3.org/2000/svg";
const ICONS = {
  // Drawn, not typed: they render in every font.
  pin: "M16 3l5 5-3 1-3 3 1 5-2 2-4-4-5 5-1-1 5-5-4-4 2-2 5 1 3-3z",
  star: "M12 2.5l2.9 6 6.6.9-4.8 4.6 1.2 6.5L12 17.4l-5.9 3.1 1.2-6.5L2.5 9.4l6.6-.9z",
};
const NEXT_SORT = { "": "ascending", ascending: "descending", descending: "" };

// An element with a class and attributes.
function element(tag, className, attributes = {}) {
  const made = document.createElement(tag);
  made.className = className;
  for (const [name, value] of Object.entries(attributes)) made.setAttribute(name, value);
  return made;
}

function icon(name, label) {
  const svg = document.createElementNS(SVG, "svg");
  svg.setAttribute("viewBox", "0 0 24 24");
  svg.setAttribute("class", `tc-icon tc-icon-${name}`);
  svg.setAttribute("role", "img");
  svg.setAttribute("aria-label", label);
  const path = document.createElementNS(SVG, "path");
  path.setAttribute("d", ICONS[name] || ICONS.star);
  svg.appendChild(path);
  return svg;
}

// Whether a face URL may be fetched: http(s) only (the kernel sends nothing else either).
function fetchable(url) {
  try {
    const protocol = new URL(url).protocol;
    return protocol === "https:" || protocol === "http:";
  } catch {
    return false;
  }
}

// The first letter of a name, standing in for a face that is missing or does not load.
function initial(name) {
  const made = element("span", "tc-face tc-face-initial", { "aria-hidden": "true" });
  made.textContent = (Array.from(name.trim())[0] || "?").toUpperCase();
  return made;
}

// A small face: the picture, fetched only when its row is in view, or the name's initial.
function face(name, url) {
  if (!url || !fetchable(url)) return initial(name);
  const picture = element("img", "tc-face", { alt: "", loading: "lazy", referrerpolicy: "no-referrer" });
  picture.addEventListener("error", () => picture.replaceWith(initial(name)), { once: true });
  picture.src = url;
  return picture;
}

function fillCell(cell, column, value) {
  cell.replaceChildren();
  cell.removeAttribute("title");
  if (value === null || value === undefined || value === "" || value === false) return;
  if (column.kind === "flag") {
    cell.appendChild(icon(column.icon, column.label));
  } else if (column.kind === "badge") {
    if (Number(value) > 0) {
      const badge = element("span", "tc-badge");
      badge.textContent = String(value);
      cell.appendChild(badge);
    }
  } else if (column.kind === "face") {
    const [text, url] = value;
    const name = element("span", "tc-face-name");
    name.textContent = text;
    cell.append(face(text, url), name);
    cell.title = text;
  } else {
    const text = String(value);
    cell.textContent = text;
    cell.title = text; // the whole text, when the column is narrower than it
    if (column.kind === "status") cell.dataset.status = text;
  }
}

// The table's frame: its width and column tracks as CSS variables. Fixed tracks (never "auto"),
// so that every row, each its own grid, lines up with the header.
function tableRoot(columns) {
  const root = element("div", "tc-table");
  const tracks = columns.map((c) => (c.grow > 0 ? `minmax(${c.width}em, ${c.grow}fr)` : `${c.width}em`));
  root.style.setProperty("--tc-columns", tracks.join(" "));
  root.style.setProperty("--tc-min-width", `${columns.reduce((sum, c) => sum + c.width, 0)}em`);
  root.style.setProperty("--tc-row-height", `${ROW_HEIGHT}px`);
  return root;
}

function gridElement(label, columnCount) {
  const grid = element("div", "tc-table-grid", {
    role: "grid", "aria-label": label, "aria-colcount": String(columnCount), "aria-multiselectable": "false",
  });
  grid.tabIndex = 0;
  grid.dataset.lmSuppressShortcuts = "true"; // JupyterLab's notebook shortcuts leave its keys alone
  return grid;
}

// A column's header: a button that asks the kernel for the next sort (onSort(column)).
function columnHeader(column, index, onSort) {
  const header = element("div", `tc-cell tc-head tc-kind-${column.kind}`, {
    role: "columnheader", "aria-colindex": String(index + 1),
  });
  const button = element("button", "tc-sort");
  button.type = "button";
  button.tabIndex = -1; // the grid takes the focus; headers are reached by mouse or screen reader
  button.textContent = column.label;
  button.addEventListener("click", () => onSort(column));
  header.appendChild(button);
  return header;
}

class TableView {
  constructor(model, el) {
    this.model = model;
    this.view = `v${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
    this.columns = model.get("columns");
    this.rows = new Map(); // index -> {key, cells}: the rows of the window the kernel sent
    this.drawn = new Map(); // index -> row element in the page
    this.total = 0;
    this.active = -1; // the row the keyboard is on
    this.requested = [0, 0];
    this.pendingSelect = -1; // Enter on a row whose data is still on its way
    this.scrollScheduled = false;
    this.build(el);
    this.listen();
    this.sizeViewport();
    this.showSort();
    this.draw(null);
    // The viewport has its size only once the view is in the page.
    requestAnimationFrame(() => this.requestWindow(true));
  }

  build(el) {
    const root = tableRoot(this.columns);
    this.grid = gridElement(this.model.get("label"), this.columns.length);
    this.head = element("div", "tc-table-head", { role: "rowgroup" });
    const headRow = element("div", "tc-row tc-head-row", { role: "row", "aria-rowindex": "1" });
    this.headers = this.columns.map((column, i) => columnHeader(column, i, (c) => this.sortBy(c)));
    headRow.append(...this.headers);
    this.head.appendChild(headRow);
    this.viewport = element("div", "tc-table-viewport");
    this.body = element("div", "tc-table-body", { role: "rowgroup" });
    this.viewport.append(this.head, this.body);
    this.grid.appendChild(this.viewport);
    this.empty = element("div", "tc-table-empty");
    this.empty.textContent = "No rows";
    root.append(this.grid, this.empty);
    el.appendChild(root);
  }

  // The page's events and the model's; destroy() undoes the model's.
  listen() {
    this.grid.addEventListener("keydown", (event) => this.onKey(event));
    this.body.addEventListener("click", (event) => this.onClick(event));
    this.viewport.addEventListener("scroll", () => this.onScroll());
    this.handlers = {
      "msg:custom": (message) => this.onMessage(message),
      "change:selected": () => this.draw(new Set()),
      "change:sort_column": () => this.showSort(),
      "change:sort_direction": () => this.showSort(),
      "change:visible_rows": () => { this.sizeViewport(); this.draw(new Set()); this.requestWindow(true); },
    };
    for (const [name, handler] of Object.entries(this.handlers)) this.model.on(name, handler);
  }

  destroy() {
    for (const [name, handler] of Object.entries(this.handlers)) this.model.off(name, handler);
    this.model.send({ type: "close", view: this.view });
  }

  sortBy(column) {
    const model = this.model;
    const current = model.get("sort_column") === column.name ? model.get("sort_direction") : "";
    const next = NEXT_SORT[current];
    model.set("sort_column", next ? column.name : "");
    model.set("sort_direction", next);
    model.save_changes();
  }

  sizeViewport() {
    this.viewport.style.height = `${(this.model.get("visible_rows") + 1) * ROW_HEIGHT + 2}px`;
  }

  showSort() {
    const column = this.model.get("sort_column");
    const direction = this.model.get("sort_direction") || "none";
    this.columns.forEach((c, i) => this.headers[i].setAttribute("aria-sort", c.name === column ? direction : "none"));
  }

  visibleRange() {
    const first = Math.floor(this.viewport.scrollTop / ROW_HEIGHT);
    const count = Math.ceil(this.viewport.clientHeight / ROW_HEIGHT);
    return [first, Math.min(this.total, first + count)];
  }

  // Asks the kernel for the rows around the viewport, unless those asked for last cover it
  // with a margin to spare.
  requestWindow(force) {
    const [first, last] = this.visibleRange();
    const [start, stop] = this.requested;
    const covered = first >= start && last <= stop;
    const nearEdge = (start > 0 && first - start < MARGIN / 2) || (stop < this.total && stop - last < MARGIN / 2);
    if (!force && covered && !nearEdge) return;
    this.requested = [Math.max(0, first - MARGIN), last + MARGIN];
    this.model.send({ type: "window", view: this.view, start: this.requested[0], stop: this.requested[1] });
  }

  // The row element at index, made (empty, and put in the page) when it is not drawn yet.
  rowElement(index) {
    let row = this.drawn.get(index);
    if (row) return row;
    row = element("div", "tc-row", { role: "row", "aria-rowindex": String(index + 2) });
    row.id = `${this.view}-r${index}`;
    row.style.top = `${index * ROW_HEIGHT}px`;
    this.columns.forEach((column, i) => {
      row.appendChild(element("div", `tc-cell tc-kind-${column.kind}`, {
        role: "gridcell", "aria-colindex": String(i + 1),
      }));
    });
    this.body.appendChild(row);
    this.drawn.set(index, row);
    row.dataset.key = "";
    return row;
  }

  fillRow(row, data) {
    row.dataset.key = data ? data.key : "";
    row.classList.toggle("tc-loading", !data);
    this.columns.forEach((column, i) => fillCell(row.children[i], column, data ? data.cells[i] : null));
  }

  markRow(index, row) {
    const selected = row.dataset.key !== "" && row.dataset.key === this.model.get("selected");
    row.setAttribute("aria-selected", selected ? "true" : "false");
    row.classList.toggle("tc-active", index === this.active);
  }

  // Puts the rows in view (and no others) in the page; refills only the rows named in changed
  // (null: every row).
  draw(changed) {
    this.body.style.height = `${this.total * ROW_HEIGHT}px`;
    this.grid.setAttribute("aria-rowcount", String(this.total + 1));
    this.empty.style.display = this.total === 0 ? "block" : "none";
    const [first, last] = this.visibleRange();
    const from = Math.max(0, first - 2);
    const to = Math.min(this.total, last + 2);
    for (const [index, row] of this.drawn) {
      if (index < from || index >= to) {
        row.remove();
        this.drawn.delete(index);
      }
    }
    for (let index = from; index < to; index++) this.drawRow(index, changed);
    const active = this.drawn.get(this.active);
    if (this.active >= 0 && active) this.grid.setAttribute("aria-activedescendant", active.id);
    else this.grid.removeAttribute("aria-activedescendant");
  }

  drawRow(index, changed) {
    const fresh = !this.drawn.has(index);
    const row = this.rowElement(index);
    const data = this.rows.get(index);
    if (fresh || changed === null || changed.has(index) || (!data && row.dataset.key !== "")) this.fillRow(row, data);
    this.markRow(index, row);
  }

  select(index) {
    const data = this.rows.get(index);
    if (!data) {
      this.pendingSelect = index;
      return;
    }
    this.pendingSelect = -1;
    this.model.set("selected", data.key);
    this.model.save_changes();
  }

  // A patch from the kernel for this view: the rows it changed in the window, the row count.
  onMessage(message) {
    if (!message || message.type !== "rows" || message.view !== this.view) return;
    const viewport = this.viewport;
    const wasAtEnd = this.total > 0
      && viewport.scrollTop + viewport.clientHeight >= this.body.offsetHeight + this.head.offsetHeight - 2;
    const changed = this.applyPatch(message);
    if (this.active >= this.total) this.active = this.total - 1;
    if (this.model.get("follow_end") && wasAtEnd) viewport.scrollTop = this.total * ROW_HEIGHT;
    this.draw(message.reset ? null : changed);
    if (this.pendingSelect >= 0 && this.rows.has(this.pendingSelect)) this.select(this.pendingSelect);
    this.requestWindow(false); // the row count changed the viewport's range, perhaps
  }

  // Keeps the patch's rows, forgets those outside its window; returns the indexes it changed.
  applyPatch(message) {
    if (message.reset) this.rows.clear();
    const changed = new Set();
    for (const [index, key, cells] of message.rows) {
      this.rows.set(index, { key, cells });
      changed.add(index);
    }
    this.total = message.total;
    for (const index of this.rows.keys()) {
      if (index < message.start || index >= message.stop || index >= this.total) this.rows.delete(index);
    }
    return changed;
  }

  moveTo(index) {
    if (this.total === 0) return;
    this.active = Math.max(0, Math.min(this.total - 1, index));
    const top = this.active * ROW_HEIGHT;
    const viewport = this.viewport;
    const headHeight = this.head.offsetHeight;
    if (top < viewport.scrollTop) viewport.scrollTop = top;
    else if (top + ROW_HEIGHT > viewport.scrollTop + viewport.clientHeight - headHeight) {
      viewport.scrollTop = top + ROW_HEIGHT - viewport.clientHeight + headHeight;
    }
    this.draw(new Set());
    this.requestWindow(false);
  }

  onKey(event) {
    const active = this.active;
    const page = Math.max(1, this.model.get("visible_rows") - 1);
    const moves = {
      ArrowDown: active + 1, ArrowUp: active - 1, PageDown: active + page, PageUp: active - page,
      Home: 0, End: this.total - 1,
    };
    if (event.key in moves) {
      this.moveTo(active < 0 && event.key !== "End" ? 0 : moves[event.key]);
    } else if ((event.key === "Enter" || event.key === " ") && active >= 0) {
      this.select(active);
    } else {
      return;
    }
    event.preventDefault();
    event.stopPropagation(); // JupyterLab's notebook shortcuts must not see them
  }

  onClick(event) {
    const row = event.target.closest(".tc-row");
    if (!row || !this.body.contains(row)) return;
    this.active = Number(row.getAttribute("aria-rowindex")) - 2;
    this.select(this.active);
    this.grid.focus({ preventScroll: true });
    this.draw(new Set());
  }

  // Redraws once per frame, however many scroll events came.
  onScroll() {
    if (this.scrollScheduled) return;
    this.scrollScheduled = true;
    requestAnimationFrame(() => {
      this.scrollScheduled = false;
      this.draw(new Set());
      this.requestWindow(false);
    });
  }
}

function render({ model, el }) {
  const table = new TableView(model, el);
  return () => table.destroy();
}

export default { render };
