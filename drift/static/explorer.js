// drift explorer: the interactive view of one drift-report/1 report (an anywidget ES module).
//
// It reads only the report JSON in the model's `report_data`, writes back `rewrite` (the rewrite
// shown) and `selected` (the link the reader picked). Article text reaches the DOM only through
// textContent / createTextNode; ids and classes come from indices and fixed vocabularies.

// The vocabulary (shift types, severities, diff operations, word relations) comes from Python
// (drift/vocabulary.py) through the synced `vocabulary` traitlet: one source for every view.
let SHIFT_TYPES = [];
let SEVERITY_NAMES = {};
let WORD_RELATIONS = {};
// Word relations that keep the meaning: such a replaced word is shown as an equivalent, not a change.
const EQUIVALENT_RELATIONS = ["same", "form", "synonym", "equivalent"];

function setVocabulary(v) {
  SHIFT_TYPES = (v && v.shift_types) || [];
  SEVERITY_NAMES = (v && v.severities) || {};
  WORD_RELATIONS = (v && v.word_relations) || {};
}
const DRIFT_STEPS = [0.05, 0.15, 0.3, 0.5, 0.7]; // same steps as drift/html.py
const UNCHANGED_DRIFT = 0.05;
const CHUNK = 40; // rows rendered at a time; more are rendered as the reader scrolls

// -- small helpers ---------------------------------------------------------------------------

function el(tag, cls, text) {
  const node = document.createElement(tag);
  if (cls) node.className = cls;
  if (text !== undefined && text !== null) node.textContent = String(text);
  return node;
}

const fmt = (x) => (x === null || x === undefined ? "–" : Number(x).toFixed(2));
const driftStep = (d) => (d === null || d === undefined ? 0 : DRIFT_STEPS.filter((t) => d >= t).length);
const sev = (s) => Math.min(Math.max(Math.round(s.severity) || 1, 1), 3);
const typeClass = (t) => (SHIFT_TYPES.includes(t) ? t : "other");
const severityName = (k) => SEVERITY_NAMES[k] || `severity ${k}`;
const linkSeverity = (link) => link.shifts.reduce((m, s) => Math.max(m, sev(s)), 0);

// Relations that leave a sentence word for word the same (spelling, case, normal form aside).
const SAME_WORDS = ["same", "form"];

function isUnchanged(link) {
  if (link.shifts.length || link.kind === "deleted" || link.kind === "inserted" || link.moved) return false;
  if (link.drift >= UNCHANGED_DRIFT) return false;
  if (link.diff.every(([op]) => op === 0)) return true;
  const words = link.words || [];
  return words.length > 0 && words.every(([b, r, relation]) => b && r && SAME_WORDS.includes(relation));
}

// Offsets in the report count Unicode code points (Python str); JavaScript strings count UTF-16
// code units. Each document gets a converter; it is the identity unless the text has astral
// characters (emoji, some CJK), where a lookup table is built once.
function codeUnitIndex(text) {
  if (!/[\uD800-\uDFFF]/.test(text)) return (i) => i;
  const table = [];
  let cu = 0;
  for (const ch of text) {
    table.push(cu);
    cu += ch.length;
  }
  table.push(cu);
  return (i) => table[Math.min(Math.max(i, 0), table.length - 1)];
}

function prepareDocument(doc) {
  const cu = codeUnitIndex(doc.text);
  const sentences = doc.sentences.map((s) => ({ start: cu(s.start), end: cu(s.end), boilerplate: s.boilerplate }));
  return { ...doc, cu, sentences, sentenceText: (i) => doc.text.slice(sentences[i].start, sentences[i].end) };
}

function joinedTable(doc, indices) {
  const table = [];
  let pos = 0;
  for (const i of [...indices].sort((a, b) => a - b)) {
    const s = doc.sentences[i];
    table.push([s.start, s.end, pos]);
    pos += s.end - s.start + 1; // sentences are joined by one space
  }
  return table;
}

function spanToJoined(span, doc, table) {
  const a = doc.cu(span[0]);
  const b = doc.cu(span[1]);
  if (a === b) {
    const hit = table.find(([s, e]) => s <= a && a <= e);
    return hit ? [[a - hit[0] + hit[2], a - hit[0] + hit[2]]] : [];
  }
  return table.filter(([s, e]) => a < e && b > s).map(([s, e, o]) => [Math.max(a, s) - s + o, Math.min(b, e) - s + o]);
}

// One side of a pair cut into pieces with one diff op and one set of covering shifts each.
function sidePieces(link, doc, side) {
  const indices = side === "base" ? link.base : link.rewrite;
  const joined = [...indices].sort((a, b) => a - b).map((i) => doc.sentenceText(i)).join(" ");
  const keep = side === "base" ? [-1, 0] : [0, 1];
  let parts = link.diff.filter(([op, t]) => keep.includes(op) && t);
  if (link.kind === "deleted" || link.kind === "inserted" || parts.map((p) => p[1]).join("") !== joined) {
    parts = joined ? [[0, joined]] : [];
  }
  const table = joinedTable(doc, indices);
  const intervals = [];
  const carets = new Map();
  link.shifts.forEach((s, k) => {
    const span = side === "base" ? s.base_span : s.rewrite_span;
    if (!span) return;
    for (const [a, b] of spanToJoined(span, doc, table)) {
      if (a === b) carets.set(a, [...(carets.get(a) || []), k]);
      else intervals.push([a, b, k]);
    }
  });
  // aligned words (link.words: [base_span, rewrite_span, relation]) whose relation keeps the meaning
  const kept = [];
  for (const [bs, rs, relation] of link.words || []) {
    const span = side === "base" ? bs : rs;
    const other = side === "base" ? rs : bs;
    if (!span || !other || !EQUIVALENT_RELATIONS.includes(relation)) continue;
    for (const [a, b] of spanToJoined(span, doc, table)) if (a < b) kept.push([a, b, relation, other]);
  }
  const cuts = new Set([...intervals, ...kept].flatMap(([a, b]) => [a, b]));
  const pieces = [];
  let pos = 0;
  for (const [op, text] of parts) {
    const end = pos + text.length;
    const points = [...new Set([pos, end, ...[...cuts].filter((c) => c > pos && c < end)])].sort((x, y) => x - y);
    for (let i = 0; i + 1 < points.length; i++) {
      const [a, b] = [points[i], points[i + 1]];
      const cover = intervals.filter(([s, e]) => s <= a && b <= e).map(([, , k]) => k);
      const word = kept.find(([s, e]) => s <= a && b <= e);
      pieces.push({ text: text.slice(a - pos, b - pos), op, cover: [...new Set(cover)].sort((x, y) => x - y),
        relation: word && op !== 0 ? word[2] : null });
    }
    pos = end;
  }
  return { pieces, carets };
}

// An explanation with each quoted “…” passage in a <bdi>, so right-to-left words keep their order
// inside the English sentence. Text only ever goes in through textContent.
function explanationNode(text) {
  const div = el("div", "dx-expl");
  const parts = String(text || "").split(/“([^“”]*)”/);
  parts.forEach((part, k) => {
    if (k % 2 === 0) div.append(part);
    else div.append("“", el("bdi", "", part), "”");
  });
  return div;
}

function shiftTitle(s) {
  return `${s.type} · severity ${sev(s)} (${severityName(sev(s))}): ${s.explanation}`;
}

function shiftMark(link, cover) {
  const top = cover.reduce((best, k) => (sev(link.shifts[k]) > sev(link.shifts[best]) ? k : best), cover[0]);
  const s = link.shifts[top];
  const mark = el("mark", `dx-shift dx-sev${sev(s)} dx-t-${typeClass(s.type)}`);
  mark.dataset.driftShift = cover.join(" ");
  mark.title = cover.map((k) => shiftTitle(link.shifts[k])).join("\n");
  mark.tabIndex = -1;
  return mark;
}

// A diff piece: <del>/<ins>, or, for a word replaced by one of the same meaning, a muted
// <span class="dx-equiv"> that says how the two words relate.
function diffNode(p) {
  if (p.op === 0) return document.createTextNode(p.text);
  if (p.relation) {
    const node = el("span", `dx-equiv dx-rel-${p.relation} ${p.op < 0 ? "dx-equiv-del" : "dx-equiv-ins"}`, p.text);
    node.title = `${p.op < 0 ? "replaced by" : "replaces"} ${WORD_RELATIONS[p.relation] ? `${p.relation}: ${WORD_RELATIONS[p.relation]}` : p.relation}`;
    return node;
  }
  return el(p.op < 0 ? "del" : "ins", "", p.text);
}

function renderSide(link, doc, side) {
  const { pieces, carets } = sidePieces(link, doc, side);
  const frag = document.createDocumentFragment();
  const caretAt = (at, parent) => {
    for (const k of carets.get(at) || []) {
      const mark = shiftMark(link, [k]);
      mark.classList.add("dx-caret");
      mark.appendChild(el("span", "", "‸"));
      parent.appendChild(mark);
    }
    carets.delete(at);
  };
  let pos = 0;
  let i = 0;
  while (i < pieces.length) {
    const key = pieces[i].cover.join(" ");
    const target = key ? shiftMark(link, pieces[i].cover) : frag;
    while (i < pieces.length && pieces[i].cover.join(" ") === key) {
      const p = pieces[i];
      caretAt(pos, target);
      target.appendChild(diffNode(p));
      pos += p.text.length;
      i++;
    }
    if (key) frag.appendChild(target);
  }
  for (const at of [...carets.keys()].sort((a, b) => a - b)) caretAt(at, frag);
  return frag;
}

// -- the view ----------------------------------------------------------------------------------

class ExplorerView {
  constructor(model, root) {
    this.model = model;
    this.root = root;
    this.filters = { sort: "drift", minDrift: 0, type: "", minSev: 0, hideUnchanged: true };
    this.focus = null; // {pos, k}: the shift the keyboard is on
    this.selectedLink = -1;
    this.rendered = 0;
    this.observer = null;
    this.load();
  }

  load() {
    setVocabulary(this.model.get("vocabulary"));
    const data = this.model.get("report_data") || {};
    this.docs = new Map((data.documents || []).map((d) => [d.id, prepareDocument(d)]));
    this.comparisons = data.comparisons || [];
    this.report = data;
    const want = this.model.get("rewrite");
    const ci = this.comparisons.findIndex((c) => c.rewrite === want);
    this.ci = ci >= 0 ? ci : 0;
    this.build();
  }

  // -- skeleton
  build() {
    const root = this.root;
    root.replaceChildren();
    root.className = "drift-explorer";
    root.tabIndex = 0;
    // Lumino (JupyterLab) would otherwise take j/k as "select next/previous cell".
    root.setAttribute("data-lm-suppress-shortcuts", "true");
    root.setAttribute("aria-label", "drift explorer: j / k step through shifts");
    if (!this.comparisons.length) {
      root.appendChild(el("p", "dx-empty", "This report holds no comparison."));
      return;
    }
    const base = this.docs.get(this.comparisons[0].base);
    const head = el("div", "dx-head");
    head.appendChild(el("span", "dx-title", "drift explorer"));
    const meta = el("span", "dx-meta");
    meta.append("base ", el("code", "dx-docid", base ? base.id : "?"),
      ` · ${this.comparisons.length} rewrite${this.comparisons.length === 1 ? "" : "s"} · ${this.report.model ? this.report.model.name : ""}`);
    head.appendChild(meta);
    root.appendChild(head);
    const notes = this.buildNotices();
    if (notes) root.appendChild(notes);

    this.tabs = el("div", "dx-tabs");
    this.tabs.setAttribute("role", "tablist");
    this.comparisons.forEach((c, ci) => {
      const b = el("button", `dx-tab`);
      b.type = "button";
      b.dataset.driftRewrite = String(ci);
      b.setAttribute("role", "tab");
      b.appendChild(el("span", "dx-tab-id", c.rewrite));
      b.appendChild(el("span", `dx-chip dx-d${driftStep(c.drift)}`, fmt(c.drift)));
      b.title = `show base against rewrite ${c.rewrite} (drift ${fmt(c.drift)})`;
      b.addEventListener("click", () => this.switchRewrite(ci));
      this.tabs.appendChild(b);
    });
    root.appendChild(this.tabs);
    this.summary = el("div", "dx-summary");
    root.appendChild(this.summary);
    root.appendChild(this.buildMap(base));
    root.appendChild(this.buildToolbar());

    const body = el("div", "dx-body");
    this.list = el("div", "dx-list");
    this.list.style.maxHeight = this.model.get("height") || "600px";
    this.panel = el("aside", "dx-panel");
    this.panel.setAttribute("aria-live", "polite");
    body.append(this.list, this.panel);
    root.appendChild(body);
    root.onkeydown = (e) => this.onKey(e); // a property, so a rebuilt view replaces it
    this.showRewrite();
  }

  // What the reader must know before trusting the results: the report's notices (a language the
  // model does not cover, an unreadable rewrite, weak encoding evidence) and every repair made
  // while reading a document.
  buildNotices() {
    const items = [];
    for (const n of this.report.notices || []) {
      const li = el("li", `dx-notice dx-notice-${/^[a-z0-9-]+$/.test(n.code || "") ? n.code : "other"}`);
      if (n.document !== null && n.document !== undefined) li.append(el("code", "dx-docid", n.document), " ");
      li.append(n.message || n.code || "");
      items.push(li);
    }
    for (const d of this.docs.values()) {
      for (const r of d.repairs || []) {
        const li = el("li", "dx-notice dx-repair");
        li.append(el("code", "dx-docid", d.id), " ", el("span", "dx-repair-kind", `${r.kind}${r.count > 1 ? ` ×${r.count}` : ""}`), ` ${r.detail || ""}`);
        items.push(li);
      }
    }
    if (!items.length) return null;
    const box = el("ul", "dx-notices");
    box.setAttribute("aria-label", "notices about the documents and the model");
    box.append(...items);
    return box;
  }

  buildMap(base) {
    const wrap = el("div", "dx-map");
    const title = el("div", "dx-map-title");
    title.append(el("strong", "", "Drift map"), " · base sentences → (columns) in each rewrite (rows); click a cell to open that pair");
    wrap.appendChild(title);
    const n = base ? base.sentences.length : 0;
    const grid = el("div", "dx-map-grid");
    grid.style.gridTemplateColumns = `max-content repeat(${n}, minmax(${n > 120 ? 5 : 9}px, 1fr))`;
    grid.style.gap = n > 120 ? "2px 1px" : "2px";
    this.cells = [];
    this.comparisons.forEach((c, ci) => {
      const label = el("button", "dx-map-label", c.rewrite);
      label.type = "button";
      label.dataset.driftRewrite = String(ci);
      label.addEventListener("click", () => this.switchRewrite(ci));
      grid.appendChild(label);
      const where = new Map();
      c.links.forEach((link, k) => link.base.forEach((i) => where.has(i) || where.set(i, k)));
      const row = [];
      for (let i = 0; i < n; i++) {
        const cell = el("div", "dx-cell");
        if (!where.has(i)) {
          cell.classList.add(base.sentences[i].boilerplate ? "dx-furn" : "dx-nolink");
          cell.title = `s${i}: ${base.sentences[i].boilerplate ? "page furniture, not compared" : "not linked"}`;
        } else {
          const k = where.get(i);
          const link = c.links[k];
          cell.classList.add(`dx-d${driftStep(link.drift)}`);
          if (link.kind === "deleted") cell.classList.add("dx-cell-deleted");
          if (link.moved) cell.classList.add("dx-cell-moved");
          const sv = linkSeverity(link);
          if (sv) cell.classList.add(`dx-cell-sev${sv}`);
          cell.dataset.driftCell = `${ci}:${k}`;
          const what = link.kind === "deleted" ? " · deleted" : link.moved ? " · moved" : "";
          cell.title = `s${i} in ${c.rewrite}: drift ${fmt(link.drift)}${what}${link.shifts.length ? ` · ${link.shifts.length} shift(s), severity ≤ ${sv}` : ""}\n${base.sentenceText(i).slice(0, 160)}`;
          cell.addEventListener("click", () => this.selectLink(ci, k, true));
        }
        grid.appendChild(cell);
        row.push(cell);
      }
      this.cells.push(row);
    });
    const scroller = el("div", "dx-map-scroll");
    scroller.appendChild(grid);
    wrap.appendChild(scroller);
    const legend = el("div", "dx-legend");
    const steps = [0, ...DRIFT_STEPS];
    legend.append("drift ");
    steps.forEach((t, k) => legend.appendChild(el("span", `dx-chip dx-d${k}`, t.toFixed(2))));
    legend.append(" · ");
    for (const s of [3, 2, 1]) {
      legend.appendChild(el("mark", `dx-shift dx-sev${s}`, `severity ${s}`));
      legend.append(` ${severityName(s)}  `);
    }
    legend.append(" · ");
    legend.append(el("del", "", "deleted"), " ", el("ins", "", "inserted"), " ", el("span", "dx-equiv", "same meaning"),
      " · ✕ deleted sentence · ↕ moved");
    wrap.appendChild(legend);
    return wrap;
  }

  buildToolbar() {
    const bar = el("div", "dx-toolbar");
    const select = (label, key, options) => {
      const wrap = el("label", "dx-ctl");
      wrap.append(label + " ");
      const s = el("select", "");
      s.dataset.driftControl = key;
      for (const [value, text] of options) {
        const o = el("option", "", text);
        o.value = String(value);
        s.appendChild(o);
      }
      s.value = String(this.filters[key]);
      s.addEventListener("change", () => {
        this.filters[key] = key === "minSev" ? Number(s.value) : s.value;
        this.refreshList();
      });
      wrap.appendChild(s);
      bar.appendChild(wrap);
      return s;
    };
    this.controls = {};
    this.controls.sort = select("sort", "sort", [["drift", "most drift first"], ["severity", "most severe first"], ["order", "base order"]]);
    this.controls.type = select("type", "type", [["", "any shift type"], ...SHIFT_TYPES.map((t) => [t, t])]);
    this.controls.minSev = select("severity", "minSev", [[0, "any"], [1, "≥ 1"], [2, "≥ 2"], [3, "3 only"]]);
    const range = el("label", "dx-ctl");
    range.append("drift ≥ ");
    const r = el("input", "");
    Object.assign(r, { type: "range", min: "0", max: "1", step: "0.05", value: "0" });
    r.dataset.driftControl = "minDrift";
    const rv = el("span", "dx-rangeval", "0.00");
    r.addEventListener("input", () => {
      this.filters.minDrift = Number(r.value);
      rv.textContent = fmt(this.filters.minDrift);
      this.refreshList();
    });
    range.append(r, rv);
    bar.appendChild(range);
    this.controls.minDrift = r;
    this.controls.minDriftValue = rv;
    const hide = el("label", "dx-ctl");
    const cb = el("input", "");
    cb.type = "checkbox";
    cb.checked = this.filters.hideUnchanged;
    cb.dataset.driftControl = "hideUnchanged";
    cb.addEventListener("change", () => {
      this.filters.hideUnchanged = cb.checked;
      this.refreshList();
    });
    hide.append(cb, " hide unchanged");
    bar.appendChild(hide);
    this.controls.hideUnchanged = cb;
    this.count = el("span", "dx-count");
    bar.appendChild(this.count);
    bar.appendChild(el("span", "dx-keys", "j / k: next / previous shift"));
    return bar;
  }

  // -- the current rewrite
  get comparison() {
    return this.comparisons[this.ci];
  }

  switchRewrite(ci) {
    if (ci === this.ci) return;
    this.ci = ci;
    this.selectedLink = -1;
    this.focus = null;
    this.model.set("rewrite", this.comparison.rewrite);
    this.model.set("selected", -1);
    this.model.save_changes();
    this.showRewrite();
  }

  showRewrite() {
    const c = this.comparison;
    for (const b of this.tabs.children) {
      const on = Number(b.dataset.driftRewrite) === this.ci;
      b.classList.toggle("dx-on", on);
      b.setAttribute("aria-selected", on ? "true" : "false");
    }
    this.root.querySelectorAll(".dx-map-label").forEach((b) => b.classList.toggle("dx-on", Number(b.dataset.driftRewrite) === this.ci));
    this.cells.forEach((row, ci) => row.forEach((cell) => cell.classList.toggle("dx-row-on", ci === this.ci)));
    const shifts = c.links.flatMap((l) => l.shifts);
    const count = (f) => c.links.filter(f).length;
    const bySev = [3, 2, 1].map((s) => shifts.filter((x) => sev(x) === s).length);
    this.summary.replaceChildren();
    this.summary.append(el("span", "", "base "), el("code", "dx-docid", c.base), el("span", "", " → rewrite "),
      el("code", "dx-docid", c.rewrite), el("span", `dx-chip dx-d${driftStep(c.drift)}`, `drift ${fmt(c.drift)}`),
      el("span", "dx-sumtext", `${c.links.length} pairs · ${count((l) => !isUnchanged(l))} changed · ${count((l) => l.kind === "deleted")} deleted · ${count((l) => l.kind === "inserted")} inserted · ${count((l) => l.moved)} moved · ${shifts.length} shifts (`));
    bySev.forEach((n, j) => {
      const chip = el("span", `dx-sevchip dx-sev${3 - j}`, String(n));
      chip.title = `severity ${3 - j}: ${severityName(3 - j)}`;
      this.summary.append(chip);
    });
    this.summary.append(el("span", "dx-sumtext", ")"));
    this.order = this.baseOrder(c);
    this.refreshList();
    this.showPanel(-1);
  }

  baseOrder(c) {
    // Where each link sits in the base's reading order; an inserted link sits after the base
    // sentence carried just before it in the rewrite.
    const key = new Array(c.links.length);
    const byRewrite = c.links.map((l, k) => [l.rewrite.length ? Math.min(...l.rewrite) : Infinity, k]).sort((a, b) => a[0] - b[0]);
    let last = -1;
    for (const [, k] of byRewrite) {
      const l = c.links[k];
      if (l.base.length) {
        key[k] = Math.min(...l.base);
        last = Math.max(last, key[k]);
      } else key[k] = last + 0.5;
    }
    return key;
  }

  visibleLinks() {
    const c = this.comparison;
    const f = this.filters;
    const ks = [];
    c.links.forEach((l, k) => {
      if (f.hideUnchanged && isUnchanged(l)) return;
      if (l.drift < f.minDrift) return;
      if (f.type && !l.shifts.some((s) => typeClass(s.type) === f.type)) return;
      if (f.minSev && linkSeverity(l) < f.minSev) return;
      ks.push(k);
    });
    const byDrift = (a, b) => c.links[b].drift - c.links[a].drift || linkSeverity(c.links[b]) - linkSeverity(c.links[a]) || a - b;
    if (f.sort === "order") ks.sort((a, b) => this.order[a] - this.order[b] || a - b);
    else if (f.sort === "severity") ks.sort((a, b) => linkSeverity(c.links[b]) - linkSeverity(c.links[a]) || byDrift(a, b));
    else ks.sort(byDrift);
    // rank = place by drift among all links, shown on each row whatever the sort
    const ranked = c.links.map((_, k) => k).sort(byDrift);
    this.rank = new Map(ranked.map((k, r) => [k, r + 1]));
    return ks;
  }

  refreshList() {
    this.visible = this.visibleLinks();
    this.focus = null;
    if (this.observer) this.observer.disconnect();
    this.list.replaceChildren();
    this.list.scrollTop = 0;
    this.rendered = 0;
    this.rows = new Map();
    this.count.textContent = `${this.visible.length} of ${this.comparison.links.length} pairs`;
    if (!this.visible.length) {
      this.list.appendChild(el("p", "dx-empty", "No pair matches these filters."));
      return;
    }
    this.sentinel = el("div", "dx-sentinel");
    this.list.appendChild(this.sentinel);
    this.renderMore(CHUNK);
    if (typeof IntersectionObserver !== "undefined") {
      this.observer = new IntersectionObserver((entries) => {
        if (entries.some((e) => e.isIntersecting)) this.renderMore(CHUNK);
      }, { root: this.list, rootMargin: "400px" });
      this.observer.observe(this.sentinel);
    }
  }

  renderMore(n) {
    const upto = Math.min(this.visible.length, this.rendered + n);
    const frag = document.createDocumentFragment();
    for (let pos = this.rendered; pos < upto; pos++) {
      const row = this.renderRow(this.visible[pos], pos);
      this.rows.set(pos, row);
      frag.appendChild(row);
    }
    this.list.insertBefore(frag, this.sentinel);
    this.rendered = upto;
    if (this.rendered >= this.visible.length) this.sentinel.classList.add("dx-done");
  }

  ensureRendered(pos) {
    if (pos >= this.rendered) this.renderMore(pos - this.rendered + 1);
    return this.rows.get(pos);
  }

  renderRow(k, pos) {
    const c = this.comparison;
    const link = c.links[k];
    const base = this.docs.get(c.base);
    const rewrite = this.docs.get(c.rewrite);
    const row = el("div", `dx-row dx-kind-${link.kind === "deleted" || link.kind === "inserted" ? link.kind : "aligned"}`);
    row.dataset.driftLink = String(k);
    row.dataset.driftPos = String(pos);
    if (k === this.selectedLink) row.classList.add("dx-selected");
    const head = el("div", "dx-row-head");
    head.append(el("span", "dx-rank", `#${this.rank.get(k)}`), el("span", `dx-chip dx-d${driftStep(link.drift)}`, `drift ${fmt(link.drift)}`));
    if (link.kind === "deleted") head.append(el("span", "dx-badge dx-b-deleted", "deleted"));
    else if (link.kind === "inserted") head.append(el("span", "dx-badge dx-b-inserted", "inserted"));
    else if (link.kind !== "1-1") head.append(el("span", "dx-badge", link.kind));
    if (link.moved) head.append(el("span", "dx-badge dx-b-moved", "↕ moved"));
    const furniture = link.base.some((i) => base.sentences[i].boilerplate) || link.rewrite.some((i) => rewrite.sentences[i].boilerplate);
    if (furniture) {
      row.classList.add("dx-furniture");
      head.append(el("span", "dx-badge dx-b-furn", "page furniture"));
    }
    if (link.similarity !== null && link.similarity !== undefined) head.append(el("span", "dx-meta", `similarity ${fmt(link.similarity)}`));
    for (const [j, s] of link.shifts.entries()) {
      const chip = el("button", `dx-shiftchip dx-sev${sev(s)}`, `${s.type} ${sev(s)}`);
      chip.type = "button";
      chip.dataset.driftShiftChip = String(j);
      chip.title = shiftTitle(s);
      chip.addEventListener("click", (e) => {
        e.stopPropagation();
        this.focusShift(pos, j);
      });
      head.append(chip);
    }
    row.appendChild(head);
    const cols = el("div", "dx-cols");
    for (const side of ["base", "rewrite"]) {
      const doc = side === "base" ? base : rewrite;
      const indices = side === "base" ? link.base : link.rewrite;
      const col = el("div", `dx-side dx-side-${side}`);
      const label = el("div", "dx-side-label", indices.length ? `${side} · s${[...indices].sort((a, b) => a - b).join(", s")}` : side);
      col.appendChild(label);
      if (!indices.length) {
        col.classList.add("dx-empty-side");
        col.appendChild(el("div", "dx-none", side === "base" ? "— not in the base: added by the rewrite —" : "— not in this rewrite: dropped —"));
      } else {
        const text = el("div", "dx-text");
        text.dir = "auto";
        if (doc.language && /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/.test(doc.language)) text.lang = doc.language;
        text.appendChild(renderSide(link, doc, side));
        col.appendChild(text);
        if (link.kind === "deleted" || link.kind === "inserted") col.classList.add("dx-gone");
      }
      cols.appendChild(col);
    }
    row.appendChild(cols);
    row.addEventListener("click", (e) => {
      const mark = e.target.closest ? e.target.closest("mark[data-drift-shift]") : null;
      if (mark) this.focusShift(pos, Number(mark.dataset.driftShift.split(" ")[0]));
      else this.select(k, pos);
    });
    return row;
  }

  // -- selection, the detail panel, keyboard
  select(k, pos) {
    this.selectedLink = k;
    this.list.querySelectorAll(".dx-selected").forEach((r) => r.classList.remove("dx-selected"));
    const row = pos !== undefined ? this.rows.get(pos) : null;
    if (row) row.classList.add("dx-selected");
    this.cells.forEach((cells) => cells.forEach((cell) => cell.classList.remove("dx-cell-on")));
    (this.cells[this.ci] || []).forEach((cell) => {
      if (cell.dataset.driftCell === `${this.ci}:${k}`) cell.classList.add("dx-cell-on");
    });
    this.model.set("selected", k);
    this.model.save_changes();
    this.showPanel(k);
  }

  selectLink(ci, k, scroll) {
    if (ci !== this.ci) this.switchRewrite(ci);
    let pos = this.visible.indexOf(k);
    if (pos < 0) {
      // the filters hide it: show everything so the pair asked for is there
      Object.assign(this.filters, { minDrift: 0, type: "", minSev: 0, hideUnchanged: false });
      this.controls.type.value = "";
      this.controls.minSev.value = "0";
      this.controls.minDrift.value = "0";
      this.controls.minDriftValue.textContent = "0.00";
      this.controls.hideUnchanged.checked = false;
      this.refreshList();
      pos = this.visible.indexOf(k);
    }
    const row = this.ensureRendered(pos);
    this.select(k, pos);
    if (scroll && row) this.scrollTo(row);
    return row;
  }

  scrollTo(node) {
    const list = this.list;
    const top = node.getBoundingClientRect().top - list.getBoundingClientRect().top + list.scrollTop;
    const bottom = top + node.getBoundingClientRect().height;
    if (top < list.scrollTop || bottom > list.scrollTop + list.clientHeight) {
      list.scrollTop = Math.max(0, top - 24);
    }
  }

  showPanel(k, shiftIndex = -1) {
    const panel = this.panel;
    panel.replaceChildren();
    if (k < 0) {
      panel.classList.add("dx-panel-idle");
      panel.appendChild(el("div", "dx-panel-title", "Details"));
      panel.appendChild(el("p", "dx-hint", "Click a pair, a highlighted phrase or a drift-map cell to see what changed and why. Keys: j / n next shift, k / p previous."));
      return;
    }
    panel.classList.remove("dx-panel-idle");
    const c = this.comparison;
    const link = c.links[k];
    const base = this.docs.get(c.base);
    const rewrite = this.docs.get(c.rewrite);
    const title = el("div", "dx-panel-title", `Pair #${this.rank.get(k)} · ${link.kind === "deleted" ? "deleted" : link.kind === "inserted" ? "inserted" : link.kind}${link.moved ? " · moved" : ""}`);
    const close = el("button", "dx-close", "×");
    close.type = "button";
    close.title = "close";
    close.addEventListener("click", () => this.showPanel(-1));
    title.appendChild(close);
    panel.appendChild(title);
    const facts = el("dl", "dx-facts");
    const fact = (name, value) => facts.append(el("dt", "", name), el("dd", "", value));
    fact("drift", fmt(link.drift));
    fact("similarity", fmt(link.similarity));
    fact("confidence", fmt(link.confidence));
    fact("base", link.base.length ? link.base.map((i) => `s${i}`).join(", ") : "—");
    fact("rewrite", link.rewrite.length ? link.rewrite.map((i) => `s${i}`).join(", ") : "—");
    if (link.nli) for (const [name, p] of Object.entries(link.nli)) fact(`NLI ${name}`, fmt(p));
    panel.appendChild(facts);
    if (!link.shifts.length) {
      panel.appendChild(el("p", "dx-hint", isUnchanged(link) ? "Carried over unchanged." : "Reworded; no typed shift of meaning found."));
    }
    const list = el("ol", "dx-panel-shifts");
    link.shifts.forEach((s, j) => {
      const li = el("li", `dx-sev${sev(s)}`);
      li.dataset.driftShift = String(j);
      if (j === shiftIndex) li.classList.add("dx-current");
      const headline = el("div", "dx-shift-head");
      headline.append(el("span", `dx-sevchip dx-sev${sev(s)}`, `severity ${sev(s)}`), " ", el("span", "dx-type", s.type), " ",
        el("span", "dx-sevname", severityName(sev(s))));
      li.appendChild(headline);
      li.appendChild(explanationNode(s.explanation));
      const words = (doc, span) => (span && span[1] > span[0] ? doc.text.slice(doc.cu(span[0]), doc.cu(span[1])) : null);
      const bw = words(base, s.base_span);
      const rw = words(rewrite, s.rewrite_span);
      if ((bw || rw) && link.kind !== "deleted" && link.kind !== "inserted") {
        const w = el("div", "dx-words");
        w.append(bw ? el("del", "", bw) : el("span", "dx-none", "∅"), " → ", rw ? el("ins", "", rw) : el("span", "dx-none", "∅"));
        li.appendChild(w);
      }
      li.addEventListener("click", () => {
        const pos = this.visible.indexOf(k);
        if (pos >= 0) this.focusShift(pos, j);
      });
      list.appendChild(li);
    });
    panel.appendChild(list);
  }

  shiftTarget(pos, k) {
    const row = this.ensureRendered(pos);
    if (!row) return null;
    return row.querySelector(`mark[data-drift-shift~="${k}"]`) || row.querySelector(`[data-drift-shift-chip="${k}"]`);
  }

  focusShift(pos, k) {
    const target = this.shiftTarget(pos, k);
    if (!target) return;
    this.root.querySelectorAll(".dx-focus").forEach((m) => m.classList.remove("dx-focus"));
    const row = this.rows.get(pos);
    row.querySelectorAll(`mark[data-drift-shift~="${k}"]`).forEach((m) => m.classList.add("dx-focus"));
    target.classList.add("dx-focus");
    this.focus = { pos, k };
    const linkIndex = this.visible[pos];
    this.root.dataset.driftFocus = `${this.ci}:${linkIndex}:${k}`;
    this.select(linkIndex, pos);
    this.showPanel(linkIndex, k);
    target.focus({ preventScroll: true });
    this.scrollTo(target);
  }

  stepShift(direction) {
    const c = this.comparison;
    const count = (pos) => c.links[this.visible[pos]].shifts.length;
    let pos;
    let k;
    if (!this.focus) {
      pos = direction > 0 ? 0 : this.visible.length - 1;
      k = direction > 0 ? 0 : count(pos) - 1;
    } else {
      pos = this.focus.pos;
      k = this.focus.k + direction;
    }
    while (pos >= 0 && pos < this.visible.length) {
      if (k >= 0 && k < count(pos)) {
        this.focusShift(pos, k);
        return true;
      }
      pos += direction;
      if (pos >= 0 && pos < this.visible.length) k = direction > 0 ? 0 : count(pos) - 1;
    }
    return false;
  }

  onKey(e) {
    const tag = e.target && e.target.tagName;
    if (tag === "INPUT" || tag === "SELECT" || tag === "TEXTAREA" || e.ctrlKey || e.metaKey || e.altKey) return;
    if (e.key === "j" || e.key === "n") this.stepShift(1);
    else if (e.key === "k" || e.key === "p") this.stepShift(-1);
    else if (e.key === "Escape") this.showPanel(-1);
    else return;
    e.preventDefault();
    e.stopPropagation();
  }
}

function render({ model, el: host }) {
  const root = document.createElement("div");
  host.appendChild(root);
  let view = new ExplorerView(model, root);
  const onData = () => {
    view = new ExplorerView(model, root);
  };
  const onRewrite = () => {
    const ci = view.comparisons.findIndex((c) => c.rewrite === model.get("rewrite"));
    if (ci >= 0 && ci !== view.ci) view.switchRewrite(ci);
  };
  const onHeight = () => {
    if (view.list) view.list.style.maxHeight = model.get("height");
  };
  model.on("change:report_data", onData);
  model.on("change:rewrite", onRewrite);
  model.on("change:height", onHeight);
  return () => {
    if (view.observer) view.observer.disconnect();
    model.off("change:report_data", onData);
    model.off("change:rewrite", onRewrite);
    model.off("change:height", onHeight);
  };
}

export default { render };
