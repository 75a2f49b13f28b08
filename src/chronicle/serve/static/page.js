// chronicle workbench: linked views over one filter state kept in the URL.
// Data is NEVER inserted as HTML: every text node is built with textContent (el()).
"use strict";

// ---------- palettes (named, so a colour means the same thing on every view) ----------
const QUAD = {
  1: {name: "verbal cooperation", colour: "#2f6db5"},
  2: {name: "material cooperation", colour: "#2e8b3e"},
  3: {name: "verbal conflict", colour: "#e08a00"},
  4: {name: "material conflict", colour: "#c62828"},
};
const NO_QUAD = "#7b8794";
// PLOVER event types: cooperation in blues/greens/teals, conflict in oranges/reds/purples, all distinct.
const EVENT_TYPE_COLOURS = {
  AGREE: "#1f77b4", CONSULT: "#6baed6", SUPPORT: "#17becf", CONCEDE: "#9edae5", COOPERATE: "#2ca02c",
  AID: "#98df8a", RETREAT: "#bcbd22", REQUEST: "#8c6d31", ACCUSE: "#ff7f0e", REJECT: "#ffbb78",
  THREATEN: "#e377c2", PROTEST: "#9467bd", SANCTION: "#c5b0d5", MOBILIZE: "#8c564b", COERCE: "#d62728",
  ASSAULT: "#7f0000",
};
const OTHER_TYPE = "#7f7f7f";
// Speakers in one article: 20 distinct colours, assigned in order of first quote.
const SPEAKER_COLOURS = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f",
  "#bcbd22", "#17becf", "#393b79", "#637939", "#8c6d31", "#843c39", "#7b4173", "#3182bd", "#e6550d", "#31a354",
  "#756bb1", "#636363"];
const LOW_CONFIDENCE = 0.5;
const PAGE = 50;

function typeColour(t) { return EVENT_TYPE_COLOURS[(t || "").toUpperCase()] || OTHER_TYPE; }
function quadColour(q) { return (QUAD[q] || {colour: NO_QUAD}).colour; }

// ---------- small DOM helpers ----------
function el(tag, text, attrs) {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) node.textContent = String(text);
  for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, String(v));
  return node;
}
function swatch(colour, extra) {
  const s = el("span", null, {class: `swatch ${extra || ""}`, "aria-hidden": "true"});
  s.style.background = colour;
  return s;
}
function legendItem(colour, label, extra) {
  const item = el("span");
  item.append(swatch(colour, extra), document.createTextNode(label));
  return item;
}
function button(text, onClick, attrs) {
  const b = el("button", text, {type: "button", class: "linkish", ...(attrs || {})});
  b.addEventListener("click", onClick);
  return b;
}
function plural(n, word) { return `${n} ${word}${n === 1 ? "" : "s"}`; }
// Entity keys are 'name|country', 'code:…' or 'country:…'; shown as the name and its country or code.
function keyLabel(key) {
  if (!key) return "?";
  if (key.includes("|")) { const [name, country] = key.split("|"); return country ? `${name} (${country})` : name; }
  return key.replace(/^(code|country):/, "");
}
function empty(box, message) { box.replaceChildren(el("p", message || "No results for this filter.", {class: "empty"})); }
function describe(record) {
  return Object.entries(record).filter(([, v]) => v !== null && v !== "").map(([k, v]) => `${k}: ${v}`).join("\n");
}
function articleLabel(a) {
  // Untitled articles are named by their first line or their input, never by their hash.
  if (a.title || a.article_title) return a.title || a.article_title;
  const first = (a.text || "").split("\n").find(l => l.trim());
  return first ? first.slice(0, 90) : (a.input || a.url || "untitled article");
}

async function getJSON(path, params) {
  const url = new URL(path, location.origin);
  for (const [k, v] of Object.entries(params || {})) if (v !== undefined && v !== null && v !== "") url.searchParams.set(k, v);
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url.pathname}: ${response.status}`);
  return response.json();
}

// ---------- the filter state, mirrored in the URL ----------
const FILTER_KEYS = ["q", "entity", "type", "quad", "place", "source", "from", "to", "story", "min_confidence"];
const VIEW_KEYS = ["unit", "line", "unique", "offset", "article", "min_weight", "qs", "qq", "qoffset"];
let state = {};

function readURL() {
  const params = new URLSearchParams(location.search);
  state = {};
  for (const k of [...FILTER_KEYS, ...VIEW_KEYS]) if (params.get(k)) state[k] = params.get(k);
}
function writeURL() {
  const params = new URLSearchParams();
  for (const k of [...FILTER_KEYS, ...VIEW_KEYS]) if (state[k]) params.set(k, state[k]);
  const search = params.toString();
  history.pushState(null, "", search ? `?${search}` : location.pathname);
}
function filterParams() {
  const f = {};
  for (const k of FILTER_KEYS) if (state[k]) f[k] = state[k];
  return f;
}
// Narrowing the filter resets paging and the open article (it may no longer match).
function narrow(patch) {
  state = {...state, ...patch};
  for (const k of Object.keys(patch)) if (!patch[k]) delete state[k];
  if (!("offset" in patch)) delete state.offset;
  if (!("article" in patch)) delete state.article;
  writeURL();
  return refresh();
}
function setView(patch) {
  state = {...state, ...patch};
  for (const k of Object.keys(patch)) if (!patch[k]) delete state[k];
  writeURL();
  return refresh();
}

function syncForm() {
  const form = document.getElementById("filters");
  for (const k of FILTER_KEYS) if (form.elements[k]) form.elements[k].value = state[k] || "";
  for (const r of form.querySelectorAll("input[name=unique]")) r.checked = (r.value === (state.unique || ""));
  document.getElementById("min-weight").value = state.min_weight || "1";
  document.getElementById("series-unit").value = state.unit || "auto";
  document.getElementById("series-line").value = state.line || "goldstein";
  const qf = document.getElementById("quote-search");
  qf.elements.qs.value = state.qs || "";
  qf.elements.qq.value = state.qq || "";
}

const LABELS = {q: "text", entity: "entity", type: "event type", quad: "quad class", place: "place", source: "outlet",
  from: "from", to: "to", story: "story", min_confidence: "minimum confidence"};
function renderActive() {
  const nav = document.getElementById("active");
  nav.replaceChildren();
  const keys = FILTER_KEYS.filter(k => state[k]);
  if (!keys.length) { nav.append(el("span", "No filter: showing everything.")); return; }
  nav.append(el("span", "Filtered by:"));
  for (const k of keys) {
    const value = k === "quad" ? (QUAD[state[k]] || {}).name || state[k] : state[k];
    nav.append(button(`${LABELS[k]}: ${value} ×`, () => narrow({[k]: ""}), {"aria-label": `remove filter ${LABELS[k]}`}));
  }
}

// ---------- map ----------
let world = null;
async function renderMap() {
  const box = document.getElementById("map");
  const points = await getJSON("/workbench/map", filterParams());
  if (!world) world = await getJSON("/static/vendor/world-atlas/countries-110m.json");
  box.replaceChildren();
  const width = box.clientWidth || 600, height = box.clientHeight || 340;
  const projection = d3.geoNaturalEarth1().fitSize([width, height], {type: "Sphere"});
  const path = d3.geoPath(projection);
  const svg = d3.select(box).append("svg").attr("width", width).attr("height", height)
    .attr("role", "img").attr("aria-label", `world map with ${points.length} places`);
  // Wheel and drag zoom the map; circles keep their screen size so overlapping places can be told apart.
  const layer = svg.append("g");
  layer.append("path").datum({type: "Sphere"}).attr("d", path).attr("fill", "#eaf2f8").attr("stroke", "#b5c4d1");
  layer.append("path").datum(topojson.feature(world, world.objects.countries)).attr("d", path)
    .attr("fill", "#dde3e8").attr("stroke", "#fff").attr("stroke-width", 0.5);
  const unique = state.unique === "true";
  const count = p => unique ? p.groups : p.reports;
  const max = d3.max(points, count) || 1;
  const radius = d3.scaleSqrt().domain([0, max]).range([0, 22]);
  const dominant = p => { let best = 0, q = null; for (const k of [1, 2, 3, 4]) if (p[`quad${k}`] > best) { best = p[`quad${k}`]; q = k; } return q; };
  const g = layer.append("g");
  svg.call(d3.zoom().scaleExtent([1, 12]).on("zoom", ({transform}) => {
    layer.attr("transform", transform);
    g.selectAll("circle").attr("r", function () { return this.dataset.r / transform.k; }).attr("stroke-width", 1.5 / transform.k);
  }));
  for (const p of [...points].sort((a, b) => count(b) - count(a))) {
    const [x, y] = projection([p.longitude, p.latitude]);
    const q = dominant(p);
    const r = Math.max(3, radius(count(p)));
    const c = g.append("circle").attr("cx", x).attr("cy", y).attr("r", r).attr("data-r", r)
      .attr("fill", quadColour(q)).attr("fill-opacity", 0.6).attr("stroke", quadColour(q)).attr("stroke-width", 1.5)
      .attr("class", "point").attr("data-place", p.place).attr("data-count", count(p)).style("cursor", "pointer")
      .on("click", () => narrow({place: p.place}));
    c.append("title").text(`${p.place}${p.country ? " (" + p.country + ")" : ""}: ${p.reports} reports, ${p.groups} event groups` +
      (q ? `; mostly ${QUAD[q].name}` : ""));
  }
  box.dataset.points = points.length;
  box.dataset.total = d3.sum(points, count);
  document.getElementById("map-note").textContent = points.length
    ? `${plural(d3.sum(points, count), unique ? "event group" : "report")} at ${plural(points.length, "place")}; click a circle to filter, scroll to zoom`
    : "no located events for this filter";
  const legend = document.getElementById("map-legend");
  legend.replaceChildren(el("span", "Circle area = count; colour = most frequent quad class:"));
  for (const [k, v] of Object.entries(QUAD)) legend.append(legendItem(v.colour, v.name, "round"));
  legend.append(legendItem(NO_QUAD, "no quad class", "round"));
}

// ---------- time series ----------
// The series the right axis can show (URL parameter `line`).
const LINES = {
  goldstein: {field: "goldstein", label: "mean Goldstein", domain: [-10, 10], colour: "#c62828"},
  tone: {field: "tone", label: "mean document tone", domain: [-1, 1], colour: "#6a3d9a"},
};
async function renderSeries() {
  const box = document.getElementById("series");
  const rows = await getJSON("/workbench/series", {...filterParams(), unit: state.unit || "auto"});
  box.replaceChildren();
  const note = document.getElementById("series-note");
  const legend = document.getElementById("series-legend");
  box.dataset.reports = d3.sum(rows, r => r.reports);
  box.dataset.groups = d3.sum(rows, r => r.groups);
  box.dataset.yearSpans = rows.filter(r => r.year_only).length;
  if (!rows.length) { empty(box, "No dated events for this filter."); note.textContent = ""; legend.replaceChildren(); return; }
  const monthly = rows.some(r => r.bin === "month");
  note.textContent = `per ${monthly ? "month" : "year"}; events dated only to a year span their whole year`;
  const width = box.clientWidth || 600, height = box.clientHeight || 300;
  const m = {top: 10, right: 45, bottom: 30, left: 40};
  const parse = s => new Date(s.slice(0, 10) + "T00:00:00Z");
  const x = d3.scaleUtc().domain([d3.min(rows, r => parse(r.bin_start)), d3.max(rows, r => parse(r.bin_end))]).range([m.left, width - m.right]);
  const y = d3.scaleLinear().domain([0, d3.max(rows, r => r.reports) || 1]).nice().range([height - m.bottom, m.top]);
  const svg = d3.select(box).append("svg").attr("width", width).attr("height", height)
    .attr("role", "img").attr("aria-label", `time series of ${box.dataset.reports} reports and ${box.dataset.groups} event groups`);
  svg.append("g").attr("transform", `translate(0,${height - m.bottom})`).call(d3.axisBottom(x).ticks(Math.min(8, width / 90)));
  svg.append("g").attr("transform", `translate(${m.left},0)`).call(d3.axisLeft(y).ticks(5).tickFormat(d3.format("d")));
  const defs = svg.append("defs");
  for (const [id, colour] of [["hatch-reports", "#7fa7cf"], ["hatch-groups", "#1f4e79"]]) {
    defs.append("pattern").attr("id", id).attr("width", 6).attr("height", 6).attr("patternUnits", "userSpaceOnUse")
      .attr("patternTransform", "rotate(45)").append("rect").attr("width", 3).attr("height", 6).attr("fill", colour);
  }
  const clickBin = r => narrow({from: r.bin_start.slice(0, 10), to: d3.utcDay.offset(parse(r.bin_end), -1).toISOString().slice(0, 10)});
  for (const r of rows) {
    const x0 = x(parse(r.bin_start)), x1 = x(parse(r.bin_end)), w = Math.max(2, (x1 - x0) / 2 - 1);
    const period = r.bin === "year" ? r.bin_start.slice(0, 4) : r.bin_start.slice(0, 7);
    const label = `${period}${r.year_only ? " (dated to the year only)" : ""}: ${r.reports} reports, ${r.groups} event groups, mean Goldstein ${r.goldstein ?? "n/a"}, mean tone ${r.tone ?? "n/a"}`;
    for (const [value, kind, dx] of [[r.reports, "reports", 0], [r.groups, "groups", w + 1]]) {
      const fill = r.year_only ? `url(#hatch-${kind})` : (kind === "reports" ? "#7fa7cf" : "#1f4e79");
      svg.append("rect").attr("class", r.year_only ? `year-span ${kind}` : `bar-${kind}`).attr("x", x0 + dx).attr("width", w)
        .attr("y", y(value)).attr("height", y(0) - y(value)).attr("fill", fill).attr("stroke", r.year_only ? "#4a5663" : null)
        .style("cursor", "pointer").on("click", () => clickBin(r)).append("title").text(label);
    }
  }
  // The second series: mean Goldstein of the bin's event groups, or mean document tone of its reports'
  // articles, on the right axis. A month bin is a point at its middle; a year-only bin a segment over its year.
  const line = LINES[state.line] || LINES.goldstein;
  const valued = rows.filter(r => r[line.field] !== null && r[line.field] !== undefined);
  const right = d3.scaleLinear().domain(line.domain).range([height - m.bottom, m.top]);
  svg.append("g").attr("transform", `translate(${width - m.right},0)`).call(d3.axisRight(right).ticks(5));
  const mid = r => new Date((parse(r.bin_start).getTime() + parse(r.bin_end).getTime()) / 2);
  const points = valued.filter(r => !r.year_only);
  if (points.length > 1) {
    svg.append("path").datum(points).attr("fill", "none").attr("stroke", line.colour).attr("stroke-width", 1.5)
      .attr("d", d3.line().x(r => x(mid(r))).y(r => right(r[line.field])));
  }
  for (const r of valued) {
    const mark = r.year_only
      ? svg.append("line").attr("x1", x(parse(r.bin_start))).attr("x2", x(parse(r.bin_end)))
        .attr("y1", right(r[line.field])).attr("y2", right(r[line.field])).attr("stroke", line.colour)
        .attr("stroke-width", 3).attr("stroke-dasharray", "6 3")
      : svg.append("circle").attr("r", 3.5).attr("cx", x(mid(r))).attr("cy", right(r[line.field])).attr("fill", line.colour);
    const period = r.bin === "year" ? r.bin_start.slice(0, 4) : r.bin_start.slice(0, 7);
    mark.attr("class", `second ${line.field}`).attr("data-bin", period).attr("data-value", r[line.field])
      .append("title").text(`${period}: ${line.label} ${r[line.field]}`);
  }
  box.dataset.second = line.field;
  box.dataset.secondBins = valued.length;
  const per = monthly ? "month" : "year";
  legend.replaceChildren(legendItem("#7fa7cf", `reports per ${per}`), legendItem("#1f4e79", `event groups per ${per}`),
    legendItem(line.colour, `${line.label} (right axis, ${line.domain[0]}…${line.domain[1]}; a dashed segment spans a year-only bin)`, "round"),
    legendItem("", "dated to the year only (spans its year)", "span"), el("span", "Click a bar to filter to its dates."));
}

// ---------- network of entities + entity page ----------
let cy = null;
async function renderNetwork() {
  const box = document.getElementById("network");
  const net = await getJSON("/workbench/network", {...filterParams(), min_weight: state.min_weight || 1});
  box.dataset.nodes = net.nodes.length;
  box.dataset.edges = net.edges.length;
  if (cy) { cy.destroy(); cy = null; }
  box.replaceChildren();
  if (!net.edges.length) { empty(box, "No links between entities at this minimum weight."); return; }
  const elements = [
    ...net.nodes.map(n => ({data: {id: n.key, label: n.name, kind: n.kind,
      weight: d3.sum(net.edges.filter(e => e.source === n.key || e.target === n.key), e => e.weight)}})),
    ...net.edges.map((e, i) => ({data: {id: `e${i}`, source: e.source, target: e.target, weight: e.weight}})),
  ];
  cy = cytoscape({container: box, elements, layout: {name: "cose", animate: false, randomize: false, padding: 30},
    maxZoom: 1.6, minZoom: 0.2, wheelSensitivity: 0.2,
    style: [
      {selector: "node", style: {label: "data(label)", "font-size": 10, "background-color": "#4a6c8c", width: "mapData(weight, 1, 10, 14, 40)", height: "mapData(weight, 1, 10, 14, 40)"}},
      {selector: "node[kind = 'code']", style: {"background-color": "#9aa9b8", shape: "round-rectangle"}},
      {selector: "edge", style: {width: "mapData(weight, 1, 10, 1, 8)", "line-color": "#8896a4", "target-arrow-color": "#8896a4",
        "target-arrow-shape": "triangle", "curve-style": "bezier", label: "data(weight)", "font-size": 8}},
    ]});
  cy.on("tap", "node", evt => narrow({entity: evt.target.id()}));
}

async function renderEntity() {
  const box = document.getElementById("entity");
  box.replaceChildren();
  const key = state.entity;
  if (!key) { box.append(el("p", "Click an entity to open its page and filter every view to it.", {class: "empty"})); return; }
  // Entity keys are 'name|country', 'code:…' or 'country:…'; anything else is a name matched as text.
  const isKey = key.includes("|") || /^(code|country):/.test(key);
  const response = isKey ? await fetch(`/workbench/entity/${encodeURIComponent(key)}`) : null;
  if (!response || !response.ok) { box.append(el("p", `“${key}” is matched as text; no entity has this key.`, {class: "empty"})); return; }
  const data = await response.json();
  const ent = data.entity;
  box.dataset.quotes = data.quotes.length;
  box.dataset.coEntities = data.co_entities.length;
  box.dataset.asSource = d3.sum(data.series, r => r.as_source);
  box.dataset.asTarget = d3.sum(data.series, r => r.as_target);
  box.append(el("h3", `${ent.name} (${ent.kind})`));
  box.append(el("p", `key ${ent.key} · code ${ent.code || "none"} · ${ent.num_articles} articles · aliases: ${ent.aliases || "none"}`, {class: "meta"}));
  box.append(el("p", `Event groups as source: ${box.dataset.asSource}; as target: ${box.dataset.asTarget}`));
  if (data.series.length) {
    const t = el("table");
    t.append(el("caption", "Event groups per month"));
    const head = el("tr"); for (const h of ["month", "as source", "as target"]) head.append(el("th", h, {scope: "col"}));
    t.append(head);
    for (const r of data.series) {
      const tr = el("tr");
      for (const v of [r.month.slice(0, 7), r.as_source, r.as_target]) tr.append(el("td", v));
      t.append(tr);
    }
    box.append(t);
  }
  box.append(el("h3", "Co-entities"));
  const co = el("ul", null, {class: "plain"});
  for (const c of data.co_entities) { const li = el("li"); li.append(button(keyLabel(c.key), () => narrow({entity: c.key})), document.createTextNode(` · ${plural(c.groups, "event group")}`)); co.append(li); }
  if (!data.co_entities.length) co.append(el("li", "none", {class: "empty"}));
  box.append(co);
  box.append(el("h3", "Quotes"));
  const qs = el("ul", null, {class: "plain"});
  for (const q of data.quotes) { const li = el("li"); li.append(el("blockquote", q.text), button(articleLabel(q), () => setView({article: q.article_id}))); qs.append(li); }
  if (!data.quotes.length) qs.append(el("li", "none", {class: "empty"}));
  box.append(qs);
}

// ---------- events table with paging and export ----------
function exportURL(format) {
  const url = new URL("/workbench/export", location.origin);
  for (const [k, v] of Object.entries(filterParams())) url.searchParams.set(k, v);
  if (state.unique) url.searchParams.set("unique", "true");
  url.searchParams.set("format", format);
  return url.pathname + url.search;
}

function typeCell(t) {
  const td = el("td", null, {class: "nowrap"});
  td.append(swatch(typeColour(t)), button(t, () => narrow({type: t}), {"aria-label": `filter event type ${t}`}));
  return td;
}

async function renderEvents() {
  const box = document.getElementById("events");
  const unique = state.unique === "true";
  const offset = Number(state.offset || 0);
  const page = await getJSON("/workbench/events", {...filterParams(), unique: unique ? "true" : "", limit: PAGE, offset});
  document.getElementById("events-title").textContent = unique ? "Event groups" : "Reports";
  document.getElementById("export-csv").href = exportURL("csv");
  document.getElementById("export-jsonl").href = exportURL("jsonl");
  document.getElementById("export-parquet").href = exportURL("parquet");
  box.dataset.total = page.total;
  box.replaceChildren();
  const pager = document.getElementById("events-pager");
  pager.replaceChildren();
  if (!page.total) { empty(box); return; }
  const table = el("table");
  const head = el("tr");
  const cols = unique ? ["date", "type", "quad class", "source", "target", "articles", "outlets", "Goldstein"]
    : ["date", "type", "quad class", "source", "trigger", "target", "place", "outlet", "confidence", "article"];
  for (const h of cols) head.append(el("th", h, {scope: "col"}));
  const thead = el("thead"); thead.append(head); table.append(thead);
  const body = el("tbody");
  for (const r of page.items) {
    const tr = el("tr", null, {title: describe(r)});
    if (unique) {
      tr.append(el("td", shownDate(r.date, r.date_granularity, r.date_origin), {class: "nowrap"}), typeCell(r.event_type), quadCell(r.quad_class));
      tr.append(entityCell(r.source_key), entityCell(r.target_key), el("td", r.num_articles), el("td", r.num_sources), el("td", r.goldstein ?? ""));
    } else {
      const date = shownDate(r.date, r.date_granularity, r.date_origin);
      tr.append(el("td", date, {class: "nowrap"}), typeCell(r.event_type), quadCell(r.quad_class), el("td", r.source ?? ""), el("td", r.trigger));
      tr.append(el("td", r.target ?? ""));
      const place = el("td"); if (r.place) place.append(button(r.place, () => narrow({place: r.place}))); tr.append(place);
      const outlet = el("td"); outlet.append(button(r.outlet, () => narrow({source: r.outlet}))); tr.append(outlet);
      tr.append(el("td", r.confidence, r.confidence < LOW_CONFIDENCE ? {class: "low"} : {}));
      const art = el("td"); art.append(button(articleLabel(r), () => setView({article: r.article_id}))); tr.append(art);
      if (r.article_id === state.article) tr.classList.add("current");
      if (r.confidence < LOW_CONFIDENCE) tr.classList.add("low");
    }
    body.append(tr);
  }
  table.append(body);
  box.append(table);
  const last = Math.min(offset + PAGE, page.total);
  if (offset > 0) pager.append(button("← previous", () => setView({offset: String(Math.max(0, offset - PAGE))})));
  pager.append(el("span", `${offset + 1}–${last} of ${page.total}`));
  if (last < page.total) pager.append(button("next →", () => setView({offset: String(offset + PAGE)})));
}
// A date is shown only as precisely as it is known: 2019, 2019-03, or a range's start with "from";
// an event the text gives no date for shows its article's publication day as "reported …".
function shownDate(date, granularity, origin) {
  if (!date) return "";
  if (origin === "publication") return `reported ${date}`;
  if (granularity === "year") return date.slice(0, 4);
  if (granularity === "month") return date.slice(0, 7);
  if (granularity === "range") return `from ${date}`;
  return date;
}
function quadCell(q) {
  const td = el("td", null, {class: "nowrap"});
  if (q) { td.append(swatch(quadColour(q), "round"), button(QUAD[q].name, () => narrow({quad: String(q)}))); }
  return td;
}
function entityCell(key) {
  const td = el("td");
  if (key) td.append(button(keyLabel(key), () => narrow({entity: key}), {"data-key": key}));
  return td;
}

// ---------- article ----------
function spansOf(data) {
  const spans = [];
  for (const q of data.quotes) spans.push({start: q.start, end: q.end, cls: "quote", record: q});
  for (const m of data.mentions) spans.push({start: m.start, end: m.end, cls: "mention", record: m});
  for (const p of data.places) spans.push({start: p.start, end: p.end, cls: "place", record: p});
  for (const d of data.dates) spans.push({start: d.start, end: d.end, cls: "date", record: d});
  for (const e of data.events) spans.push({start: e.trigger_start, end: e.trigger_end, cls: "trigger", record: e});
  return spans;
}

async function renderArticle() {
  const box = document.getElementById("article");
  box.replaceChildren();
  if (!state.article) { box.append(el("p", "Select a report, quote or story article to read it here.", {class: "empty"})); return; }
  const response = await fetch(`/articles/${encodeURIComponent(state.article)}?min_confidence=0`);
  if (!response.ok) { empty(box, "This article is not in the store."); return; }
  const data = await response.json();
  const a = data.article;
  const speakers = new Map();
  for (const q of data.quotes) {
    const key = q.speaker_id || q.speaker || q.source || "unknown";
    if (!speakers.has(key)) speakers.set(key, {name: q.speaker || q.source || "unknown speaker", colour: SPEAKER_COLOURS[speakers.size % SPEAKER_COLOURS.length]});
  }
  box.append(el("h3", articleLabel(a), {id: "article-headline"}));
  box.append(el("p", [a.published, a.source || a.url || a.input].filter(Boolean).join(" · "), {class: "meta"}));
  // The legend names every colour and style used in the text below.
  const legend = el("div", null, {class: "legend marked", id: "article-legend"});
  legend.append(el("strong", "Legend:"));
  const mark = (cls, label) => el("span", label, {class: cls});
  legend.append(mark("mention", "actor mention"), mark("place", "place"), mark("date", "date"));
  for (const [, sp] of speakers) {
    const s = mark("quote-key", `quote by ${sp.name}`);
    s.style.borderBottomColor = sp.colour;
    legend.append(s);
  }
  for (const t of new Set(data.events.map(e => e.event_type))) {
    const s = mark("trigger", `trigger: ${t}`);
    s.style.outlineColor = typeColour(t);
    legend.append(s);
  }
  legend.append(mark("low", `italic, dashed = confidence below ${LOW_CONFIDENCE}`));
  box.append(legend);
  const text = a.text;
  const spans = spansOf(data);
  const cuts = new Set([0, text.length]);
  for (const s of spans) { cuts.add(s.start); cuts.add(s.end); }
  for (let i = 0; i < text.length; i++) if (text.startsWith("\n\n", i)) { cuts.add(i); cuts.add(i + 2); }
  const points = [...cuts].filter(n => n >= 0 && n <= text.length).sort((x, y) => x - y);
  const body = el("div", null, {id: "article-body", class: "marked"});
  let para = el("p");
  body.append(para);
  for (let i = 0; i + 1 < points.length; i++) {
    const [s0, s1] = [points[i], points[i + 1]];
    const piece = text.slice(s0, s1);
    if (piece === "\n\n") { para = el("p"); body.append(para); continue; }
    let node = document.createTextNode(piece);
    const covering = spans.filter(s => s.start <= s0 && s.end >= s1).sort((x, y) => (x.end - x.start) - (y.end - y.start));
    for (const s of covering) {
      const wrap = el("span", null, {class: s.cls, title: describe(s.record), "data-id": s.record.id});
      if (s.record.confidence !== undefined && s.record.confidence < LOW_CONFIDENCE) wrap.classList.add("lowconf");
      if (s.cls === "quote") wrap.style.borderBottomColor = speakers.get(s.record.speaker_id || s.record.speaker || s.record.source || "unknown").colour;
      if (s.cls === "trigger") wrap.style.outlineColor = typeColour(s.record.event_type);
      wrap.append(node);
      node = wrap;
    }
    para.append(node);
  }
  // The headline is the text's first paragraph: it is shown once, as the heading, with its marks.
  const first = body.querySelector("p");
  if (first && first.textContent.trim() === (a.title || "").trim()) {
    const heading = box.querySelector("#article-headline");
    heading.classList.add("marked");
    heading.replaceChildren(...first.childNodes);
    first.remove();
  }
  box.append(body);
  box.dataset.quotes = data.quotes.length;
  box.dataset.events = data.events.length;
  box.dataset.places = data.places.length;
}

// ---------- stories ----------
async function renderStories() {
  const box = document.getElementById("stories");
  box.replaceChildren();
  if (state.story) return renderStory(box);
  const page = await getJSON("/workbench/stories", {...filterParams(), limit: 50});
  box.dataset.total = page.total;
  if (!page.total) { empty(box, "No story has a report matching this filter."); return; }
  const list = el("ul", null, {class: "plain"});
  for (const s of page.items) {
    const li = el("li");
    const outlets = [...new Set(s.articles.map(a => a.source))];
    li.append(button(s.title || articleLabel(s.articles[0] || {}), () => narrow({story: s.story_id})));
    li.append(el("div", `${plural(s.num_articles, "article")} · ${plural(s.num_sources, "outlet")} (${outlets.join(", ")}) · ${s.first_seen} – ${s.last_seen}`, {class: "meta"}));
    list.append(li);
  }
  box.append(list);
}

async function renderStory(box) {
  const response = await fetch(`/stories/${encodeURIComponent(state.story)}`);
  box.append(button("← all stories", () => narrow({story: ""})));
  if (!response.ok) { empty(box, "No such story."); return; }
  const s = await response.json();
  box.dataset.groups = s.event_groups.length;
  box.dataset.articles = s.articles.length;
  box.append(el("h3", s.title || "untitled story"));
  box.append(el("p", `${plural(s.num_articles, "article")} from ${plural(s.num_sources, "outlet")}, ${s.first_seen} – ${s.last_seen}`, {class: "meta"}));
  const grid = el("div", null, {class: "story-page"});
  const timeline = el("div"); timeline.append(el("h4", "Timeline"));
  const days = d3.rollups(s.articles, v => v.length, a => a.published).sort((x, y) => String(x[0]).localeCompare(String(y[0])));
  const tl = el("ul", null, {class: "plain"});
  for (const [day, n] of days) tl.append(el("li", `${day ?? "undated"}: ${n} article${n > 1 ? "s" : ""}`));
  timeline.append(tl);
  const groups = el("div"); groups.append(el("h4", `Event groups (${s.event_groups.length})`));
  const gl = el("ul", null, {class: "plain"});
  for (const g of s.event_groups) {
    const li = el("li");
    li.append(swatch(typeColour(g.event_type)), document.createTextNode(`${g.event_type} · ${keyLabel(g.source_key)} → ${keyLabel(g.target_key)} · ${g.date ?? "undated"} · ${plural(g.num_articles, "article")}`));
    gl.append(li);
  }
  groups.append(gl);
  const arts = el("div"); arts.append(el("h4", `Articles (${s.articles.length})`));
  const al = el("ul", null, {class: "plain"});
  for (const a of s.articles) {
    const li = el("li");
    li.append(button(articleLabel(a), () => setView({article: a.id})), el("div", `${a.source} · ${a.published ?? "undated"}${a.duplicate_of ? " · near-duplicate" : ""}`, {class: "meta"}));
    al.append(li);
  }
  arts.append(al);
  grid.append(timeline, groups, arts);
  box.append(grid);
}

// ---------- quotes ----------
async function renderQuotes() {
  const box = document.getElementById("quotes");
  const offset = Number(state.qoffset || 0);
  const page = await getJSON("/workbench/quotes", {...filterParams(), speaker: state.qs, words: state.qq, limit: PAGE, offset});
  box.dataset.total = page.total;
  box.replaceChildren();
  const pager = document.getElementById("quotes-pager");
  pager.replaceChildren();
  if (!page.total) { empty(box, "No quotes match."); return; }
  const list = el("ul", null, {class: "plain"});
  for (const q of page.items) {
    const li = el("li", null, q.confidence < LOW_CONFIDENCE ? {class: "low"} : {});
    li.append(el("blockquote", q.text));
    li.append(el("span", `${q.speaker || q.source || "unknown speaker"} (${q.kind}, confidence ${q.confidence}) in `, {class: "meta"}));
    li.append(button(articleLabel(q), () => setView({article: q.article_id})));
    list.append(li);
  }
  box.append(list);
  const last = Math.min(offset + PAGE, page.total);
  if (offset > 0) pager.append(button("← previous", () => setView({qoffset: String(Math.max(0, offset - PAGE))})));
  pager.append(el("span", `${offset + 1}–${last} of ${page.total}`));
  if (last < page.total) pager.append(button("next →", () => setView({qoffset: String(offset + PAGE)})));
}

// ---------- wiring ----------
let generation = 0;
async function refresh() {
  const mine = ++generation;
  document.body.dataset.ready = "false";
  syncForm();
  renderActive();
  // Every view is drawn even if another fails; a failure is shown in its own view.
  const views = [["map", renderMap], ["series", renderSeries], ["network", renderNetwork], ["entity", renderEntity],
    ["events", renderEvents], ["article", renderArticle], ["stories", renderStories], ["quotes", renderQuotes]];
  const results = await Promise.allSettled(views.map(([, draw]) => draw()));
  results.forEach((r, i) => {
    if (r.status === "rejected") { console.error(r.reason); empty(document.getElementById(views[i][0]), `Could not load: ${r.reason.message}`); }
  });
  // Only the latest refresh marks the page ready (an older one may finish later).
  if (mine === generation) document.body.dataset.ready = "true";
}

async function loadFacets() {
  const f = await getJSON("/workbench/facets");
  const form = document.getElementById("filters");
  for (const t of f.types) form.elements.type.append(el("option", t, {value: t}));
  for (const [k, v] of Object.entries(QUAD)) form.elements.quad.append(el("option", `${k} ${v.name}`, {value: k}));
  for (const s of f.sources) form.elements.source.append(el("option", s, {value: s}));
}

document.getElementById("filters").addEventListener("submit", event => {
  event.preventDefault();
  const data = new FormData(event.target);
  const patch = {};
  for (const k of FILTER_KEYS) if (k !== "story") patch[k] = data.get(k) || "";
  patch.unique = data.get("unique") || "";
  narrow(patch);
});
for (const name of ["type", "quad", "source"]) {
  document.getElementById("filters").elements[name].addEventListener("change", e => narrow({[name]: e.target.value}));
}
for (const radio of document.querySelectorAll("#filters input[name=unique]")) {
  radio.addEventListener("change", e => setView({unique: e.target.value, offset: ""}));
}
document.getElementById("clear").addEventListener("click", () => { state = {}; writeURL(); refresh(); });
document.getElementById("series-unit").addEventListener("change", e => setView({unit: e.target.value === "auto" ? "" : e.target.value}));
document.getElementById("series-line").addEventListener("change", e => setView({line: e.target.value === "goldstein" ? "" : e.target.value}));
document.getElementById("min-weight").addEventListener("change", e => setView({min_weight: e.target.value === "1" ? "" : e.target.value}));
document.getElementById("quote-search").addEventListener("submit", event => {
  event.preventDefault();
  const data = new FormData(event.target);
  setView({qs: data.get("qs") || "", qq: data.get("qq") || "", qoffset: ""});
});
window.addEventListener("popstate", () => { readURL(); refresh(); });

(async () => {
  readURL();
  await loadFacets();
  await refresh();
})();
