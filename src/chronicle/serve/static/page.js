// chronicle web page. Data is NEVER inserted as HTML: every text node is built with textContent.
"use strict";

const PALETTE = ["#1e88e5", "#43a047", "#8e24aa", "#f4511e", "#00897b", "#c0ca33", "#6d4c41", "#d81b60", "#3949ab", "#fb8c00"];
const colours = new Map();
function colour(key) {
  if (!colours.has(key)) colours.set(key, PALETTE[colours.size % PALETTE.length]);
  return colours.get(key);
}

function el(tag, text, attrs) {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) node.textContent = String(text);
  for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, String(v));
  return node;
}

async function getJSON(path, params) {
  const url = new URL(path, location.origin);
  for (const [k, v] of Object.entries(params || {})) if (v) url.searchParams.set(k, v);
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return response.json();
}

function filters() {
  return Object.fromEntries(new FormData(document.getElementById("filters")));
}

function describe(record) {
  // The hover text shows the record's non-empty fields; an event's date as far as the text gives it (date_iso).
  return Object.entries(record).filter(([k, v]) => v !== null && v !== "" && !(k === "date" && "date_iso" in record))
    .map(([k, v]) => `${k}: ${v}`).join("\n");
}

// Spans to mark: quotes (outermost), then mentions and triggers. Nested spans are split at boundaries.
function spansOf(data) {
  const spans = [];
  for (const q of data.quotes) spans.push({start: q.start, end: q.end, cls: "quote", record: q, key: q.speaker_id || q.speaker || "unknown"});
  for (const m of data.mentions) spans.push({start: m.start, end: m.end, cls: "mention", record: m});
  for (const e of data.events) spans.push({start: e.trigger_start, end: e.trigger_end, cls: "trigger", record: e});
  return spans;
}

function renderText(data) {
  const text = data.article.text;
  const spans = spansOf(data);
  const cuts = new Set([0, text.length]);
  for (const s of spans) { cuts.add(s.start); cuts.add(s.end); }
  for (let i = 0; i < text.length; i++) if (text.startsWith("\n\n", i)) { cuts.add(i); cuts.add(i + 2); }
  const points = [...cuts].filter(n => n >= 0 && n <= text.length).sort((a, b) => a - b);
  const box = document.getElementById("article-text");
  box.replaceChildren();
  let para = el("p");
  box.append(para);
  for (let i = 0; i + 1 < points.length; i++) {
    const [a, b] = [points[i], points[i + 1]];
    const piece = text.slice(a, b);
    if (piece === "\n\n") { para = el("p"); box.append(para); continue; }
    let node = document.createTextNode(piece);
    // Wrap inside-out so the quote underline encloses mention/trigger highlights.
    const covering = spans.filter(s => s.start <= a && s.end >= b).sort((x, y) => (y.end - y.start) - (x.end - x.start)).reverse();
    for (const s of covering) {
      const wrap = el("span", null, {class: s.cls, title: describe(s.record), "data-id": s.record.id});
      if (s.cls === "quote") wrap.style.borderColor = colour(s.key);
      wrap.append(node);
      node = wrap;
    }
    para.append(node);
  }
  const legend = document.getElementById("legend");
  legend.replaceChildren();
  const speakers = new Map(data.quotes.map(q => [q.speaker_id || q.speaker || "unknown", q.speaker || q.source || "unknown speaker"]));
  for (const [key, name] of speakers) {
    const item = el("span", name, {class: "speaker"});
    item.style.borderBottom = `3px solid ${colour(key)}`;
    legend.append(item);
  }
  box.dataset.quotes = data.quotes.length;
  box.dataset.events = data.events.length;
  box.dataset.mentions = data.mentions.length;
}

async function openArticle(id) {
  const data = await getJSON(`/articles/${encodeURIComponent(id)}`);
  document.getElementById("article-title").textContent = data.article.title || data.article.id;
  for (const li of document.querySelectorAll("#articles li")) li.classList.toggle("current", li.dataset.id === id);
  renderText(data);
  renderEvents(data.events);
}

function renderEvents(events) {
  const body = document.querySelector("#events tbody");
  body.replaceChildren();
  for (const e of events) {
    const row = el("tr", null, {title: describe(e)});
    // date_iso is the date cut to what the text gives ("2019", "2019-06"): never a day it did not give
    for (const v of [e.date_iso ?? e.date, e.event_type, e.source, e.trigger, e.target, e.sentence]) row.append(el("td", v ?? ""));
    body.append(row);
  }
  document.getElementById("events").dataset.rows = events.length;
}

async function loadArticles() {
  const f = filters();
  const page = await getJSON("/articles", {q: f.q, limit: 200});
  const list = document.getElementById("articles");
  list.replaceChildren();
  for (const a of page.items) {
    const li = el("li", a.title || a.id, {"data-id": a.id});
    li.addEventListener("click", () => openArticle(a.id));
    list.append(li);
  }
  list.dataset.total = page.total;
  if (page.items.length) await openArticle(page.items[0].id);
}

async function loadEvents() {
  const f = filters();
  const page = await getJSON("/events", {actor: f.actor, type: f.type, place: f.place, from: f.from, to: f.to, limit: 500});
  renderEvents(page.items);
}

let chart = null;
async function loadTimeline() {
  // One bar per date as far as the text gives it: a year-only event has its own "2019" bin
  const rows = await getJSON("/timeline");
  const dates = [...new Set(rows.map(r => r.date))];
  const types = [...new Set(rows.map(r => r.event_type))];
  const datasets = types.map(t => ({
    label: t, backgroundColor: colour("type:" + t),
    data: dates.map(d => rows.filter(r => r.date === d && r.event_type === t).reduce((n, r) => n + r.count, 0)),
  }));
  const canvas = document.getElementById("timeline");
  canvas.dataset.total = rows.reduce((n, r) => n + r.count, 0);
  canvas.dataset.types = types.length;
  if (chart) chart.destroy();
  chart = new Chart(canvas, {type: "bar", data: {labels: dates, datasets},
    options: {animation: false, maintainAspectRatio: false, scales: {x: {stacked: true}, y: {stacked: true, beginAtZero: true}}}});
}

async function loadNetwork() {
  const net = await getJSON("/network");
  const box = document.getElementById("network");
  box.dataset.nodes = net.nodes.length;
  box.dataset.edges = net.edges.length;
  const elements = [
    ...net.nodes.map(n => ({data: {id: n.id, label: n.name}})),
    ...net.edges.map(e => ({data: {id: e.id, source: e.source_id, target: e.target_id, label: e.event_type, colour: colour("type:" + e.event_type)}})),
  ];
  cytoscape({container: box, elements, layout: {name: "cose", animate: false},
    style: [
      {selector: "node", style: {label: "data(label)", "font-size": 10, "background-color": "#607d8b"}},
      {selector: "edge", style: {"line-color": "data(colour)", "target-arrow-color": "data(colour)", "target-arrow-shape": "triangle", "curve-style": "bezier", label: "data(label)", "font-size": 8}},
    ]});
}

document.getElementById("filters").addEventListener("submit", async event => {
  event.preventDefault();
  await loadArticles();
  await loadEvents();
});

(async () => {
  await loadArticles();
  await loadTimeline();
  await loadNetwork();
  document.body.dataset.ready = "true";
})();
