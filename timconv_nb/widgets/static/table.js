// The front end of timconv_nb.table.DataTable: an ARIA grid with virtual scrolling. The kernel
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

function fillCell(cell, column, value) {
  cell.replaceChildren();
  cell.removeAttribute("title");
  if (value === null || value === undefined || value === "" || value === false) return;
  if (column.kind === "flag") {
    cell.appendChild(icon(column.icon, column.label));
  } else if (column.kind === "badge") {
    if (Number(value) > 0) {
      const badge = document.createElement("span");
      badge.className = "tc-badge";
      badge.textContent = String(value);
      cell.appendChild(badge);
    }
  } else {
    const text = String(value);
    cell.textContent = text;
    cell.title = text; // the whole text, when the column is narrower than it
    if (column.kind === "status") cell.dataset.status = text;
  }
}

function render({ model, el }) {
  const view = `v${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
  const columns = model.get("columns");
  const rows = new Map(); // index -> {key, cells}: the rows of the window the kernel sent
  const drawn = new Map(); // index -> row element in the page
  let total = 0;
  let active = -1; // the row the keyboard is on
  let requested = [0, 0];
  let pendingSelect = -1; // Enter on a row whose data is still on its way
  const stats = { patches: 0, rows: 0, ms: [] }; // what applying the kernel's patches costs here

  const root = document.createElement("div");
  root.className = "tc-table";
  // Fixed tracks (never "auto"), so that every row, each its own grid, lines up with the header.
  const tracks = columns.map((c) => (c.grow > 0 ? `minmax(${c.width}em, ${c.grow}fr)` : `${c.width}em`));
  root.style.setProperty("--tc-columns", tracks.join(" "));
  root.style.setProperty("--tc-min-width", `${columns.reduce((sum, c) => sum + c.width, 0)}em`);
  root.style.setProperty("--tc-row-height", `${ROW_HEIGHT}px`);

  const grid = document.createElement("div");
  grid.className = "tc-table-grid";
  grid.setAttribute("role", "grid");
  grid.setAttribute("aria-label", model.get("label"));
  grid.setAttribute("aria-colcount", String(columns.length));
  grid.setAttribute("aria-multiselectable", "false");
  grid.tabIndex = 0;
  grid.dataset.lmSuppressShortcuts = "true"; // JupyterLab's notebook shortcuts leave its keys alone

  const head = document.createElement("div");
  head.className = "tc-table-head";
  head.setAttribute("role", "rowgroup");
  const headRow = document.createElement("div");
  headRow.className = "tc-row tc-head-row";
  headRow.setAttribute("role", "row");
  headRow.setAttribute("aria-rowindex", "1");
  const headers = columns.map((column, i) => {
    const header = document.createElement("div");
    header.className = `tc-cell tc-head tc-kind-${column.kind}`;
    header.setAttribute("role", "columnheader");
    header.setAttribute("aria-colindex", String(i + 1));
    const button = document.createElement("button");
    button.type = "button";
    button.className = "tc-sort";
    button.tabIndex = -1; // the grid takes the focus; headers are reached by mouse or screen reader
    button.textContent = column.label;
    button.addEventListener("click", () => {
      const current = model.get("sort_column") === column.name ? model.get("sort_direction") : "";
      const next = NEXT_SORT[current];
      model.set("sort_column", next ? column.name : "");
      model.set("sort_direction", next);
      model.save_changes();
    });
    header.appendChild(button);
    headRow.appendChild(header);
    return header;
  });
  head.appendChild(headRow);

  const viewport = document.createElement("div");
  viewport.className = "tc-table-viewport";
  const body = document.createElement("div");
  body.className = "tc-table-body";
  body.setAttribute("role", "rowgroup");
  viewport.append(head, body);
  grid.appendChild(viewport);
  const empty = document.createElement("div");
  empty.className = "tc-table-empty";
  empty.textContent = "No rows";
  root.append(grid, empty);
  el.appendChild(root);

  function sizeViewport() {
    viewport.style.height = `${(model.get("visible_rows") + 1) * ROW_HEIGHT + 2}px`;
  }

  function showSort() {
    const column = model.get("sort_column");
    const direction = model.get("sort_direction") || "none";
    columns.forEach((c, i) => headers[i].setAttribute("aria-sort", c.name === column ? direction : "none"));
  }

  function visibleRange() {
    const first = Math.floor(viewport.scrollTop / ROW_HEIGHT);
    const count = Math.ceil(viewport.clientHeight / ROW_HEIGHT);
    return [first, Math.min(total, first + count)];
  }

  // Asks the kernel for the rows around the viewport, unless those asked for last cover it
  // with a margin to spare.
  function requestWindow(force) {
    const [first, last] = visibleRange();
    const [start, stop] = requested;
    const covered = first >= start && last <= stop;
    const nearEdge = (start > 0 && first - start < MARGIN / 2) || (stop < total && stop - last < MARGIN / 2);
    if (!force && covered && !nearEdge) return;
    requested = [Math.max(0, first - MARGIN), last + MARGIN];
    model.send({ type: "window", view, start: requested[0], stop: requested[1] });
  }

  function rowElement(index) {
    let row = drawn.get(index);
    if (!row) {
      row = document.createElement("div");
      row.className = "tc-row";
      row.setAttribute("role", "row");
      row.id = `${view}-r${index}`;
      row.style.top = `${index * ROW_HEIGHT}px`;
      row.setAttribute("aria-rowindex", String(index + 2));
      for (let i = 0; i < columns.length; i++) {
        const cell = document.createElement("div");
        cell.className = `tc-cell tc-kind-${columns[i].kind}`;
        cell.setAttribute("role", "gridcell");
        cell.setAttribute("aria-colindex", String(i + 1));
        row.appendChild(cell);
      }
      body.appendChild(row);
      drawn.set(index, row);
      row.dataset.key = "";
    }
    return row;
  }

  function fillRow(row, data) {
    row.dataset.key = data ? data.key : "";
    row.classList.toggle("tc-loading", !data);
    columns.forEach((column, i) => fillCell(row.children[i], column, data ? data.cells[i] : null));
  }

  function markRow(index, row) {
    const selected = row.dataset.key !== "" && row.dataset.key === model.get("selected");
    row.setAttribute("aria-selected", selected ? "true" : "false");
    row.classList.toggle("tc-active", index === active);
  }

  // Puts the rows in view (and no others) in the page; refills only the rows named in changed.
  function draw(changed) {
    body.style.height = `${total * ROW_HEIGHT}px`;
    grid.setAttribute("aria-rowcount", String(total + 1));
    empty.style.display = total === 0 ? "block" : "none";
    const [first, last] = visibleRange();
    const from = Math.max(0, first - 2);
    const to = Math.min(total, last + 2);
    for (const [index, row] of drawn) {
      if (index < from || index >= to) {
        row.remove();
        drawn.delete(index);
      }
    }
    for (let index = from; index < to; index++) {
      const fresh = !drawn.has(index);
      const row = rowElement(index);
      const data = rows.get(index);
      if (fresh || changed === null || changed.has(index) || (!data && row.dataset.key !== "")) fillRow(row, data);
      markRow(index, row);
    }
    if (active >= 0 && drawn.has(active)) grid.setAttribute("aria-activedescendant", drawn.get(active).id);
    else grid.removeAttribute("aria-activedescendant");
  }

  function select(index) {
    const data = rows.get(index);
    if (!data) {
      pendingSelect = index;
      return;
    }
    pendingSelect = -1;
    model.set("selected", data.key);
    model.save_changes();
  }

  function onMessage(message) {
    if (!message || message.type !== "rows" || message.view !== view) return;
    const began = performance.now();
    const wasAtEnd = total > 0 && viewport.scrollTop + viewport.clientHeight >= body.offsetHeight + head.offsetHeight - 2;
    if (message.reset) rows.clear();
    const changed = new Set();
    for (const [index, key, cells] of message.rows) {
      rows.set(index, { key, cells });
      changed.add(index);
    }
    total = message.total;
    for (const index of rows.keys()) {
      if (index < message.start || index >= message.stop || index >= total) rows.delete(index);
    }
    if (active >= total) active = total - 1;
    if (model.get("follow_end") && wasAtEnd) viewport.scrollTop = total * ROW_HEIGHT;
    draw(message.reset ? null : changed);
    if (pendingSelect >= 0 && rows.has(pendingSelect)) select(pendingSelect);
    stats.patches += 1;
    stats.rows += message.rows.length;
    stats.ms.push(performance.now() - began);
    if (stats.ms.length > 1000) stats.ms.shift();
    requestWindow(false); // the row count changed the viewport's range, perhaps
  }

  function moveTo(index) {
    if (total === 0) return;
    active = Math.max(0, Math.min(total - 1, index));
    const top = active * ROW_HEIGHT;
    const headHeight = head.offsetHeight;
    if (top < viewport.scrollTop) viewport.scrollTop = top;
    else if (top + ROW_HEIGHT > viewport.scrollTop + viewport.clientHeight - headHeight) {
      viewport.scrollTop = top + ROW_HEIGHT - viewport.clientHeight + headHeight;
    }
    draw(new Set());
    requestWindow(false);
  }

  grid.addEventListener("keydown", (event) => {
    const page = Math.max(1, model.get("visible_rows") - 1);
    const moves = {
      ArrowDown: active + 1, ArrowUp: active - 1, PageDown: active + page, PageUp: active - page,
      Home: 0, End: total - 1,
    };
    if (event.key in moves) {
      moveTo(active < 0 && event.key !== "End" ? 0 : moves[event.key]);
    } else if ((event.key === "Enter" || event.key === " ") && active >= 0) {
      select(active);
    } else {
      return;
    }
    event.preventDefault();
    event.stopPropagation(); // JupyterLab's notebook shortcuts must not see them
  });
  body.addEventListener("click", (event) => {
    const row = event.target.closest(".tc-row");
    if (!row || !body.contains(row)) return;
    active = Number(row.getAttribute("aria-rowindex")) - 2;
    select(active);
    grid.focus({ preventScroll: true });
    draw(new Set());
  });
  let scheduled = false;
  viewport.addEventListener("scroll", () => {
    if (scheduled) return;
    scheduled = true;
    requestAnimationFrame(() => {
      scheduled = false;
      draw(new Set());
      requestWindow(false);
    });
  });

  const onSelected = () => draw(new Set());
  const onRows = () => { sizeViewport(); draw(new Set()); requestWindow(true); };
  model.on("msg:custom", onMessage);
  model.on("change:selected", onSelected);
  model.on("change:sort_column", showSort);
  model.on("change:sort_direction", showSort);
  model.on("change:visible_rows", onRows);
  root.tcStats = stats; // read by benchmarks/browser.py
  sizeViewport();
  showSort();
  draw(null);
  // The viewport has its size only once the view is in the page.
  requestAnimationFrame(() => requestWindow(true));

  return () => {
    model.off("msg:custom", onMessage);
    model.off("change:selected", onSelected);
    model.off("change:sort_column", showSort);
    model.off("change:sort_direction", showSort);
    model.off("change:visible_rows", onRows);
    model.send({ type: "close", view });
  };
}

export default { render };
