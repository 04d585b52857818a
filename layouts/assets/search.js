// The search page's script: Pagefind's JS API, state in the URL, and results built with DOM
// APIs only. Article data is set with textContent and setAttribute, never parsed as HTML.
const PAGE_SIZE = 20;

const form = document.querySelector(".search-form");

/**
 * Outlet names by domain, from the page (see layouts/search.js). The index's provider values are
 * domains, because two outlets may share a name; a domain the page does not list (a page older
 * than the index) is shown as itself.
 */
const outletNames = readOutletNames(form.dataset.outlets);
const outletName = (domain) => outletNames.get(domain) ?? domain;

const FILTER_GROUPS = [
  { key: "provider", legend: "Outlet", label: outletName, order: (a, b) => outletName(a).localeCompare(outletName(b)) || a.localeCompare(b) },
  { key: "topic", legend: "Topic", label: (value) => value, order: (a, b) => a.localeCompare(b) },
  // A news archive is browsed from the latest year back.
  { key: "year", legend: "Year", label: (value) => value, order: (a, b) => b.localeCompare(a) },
];

const input = document.getElementById("search-query");
const sortSelect = document.getElementById("search-sort");
const filtersBox = form.querySelector(".search-filters");
const status = document.querySelector(".search-status");
const list = document.querySelector(".search-results");
const moreButton = document.querySelector(".search-more");

let pagefind;
let allFilters = {};
let run = 0;
let pending = [];

function readOutletNames(json) {
  try {
    const pairs = JSON.parse(json ?? "[]");
    return new Map(Array.isArray(pairs) ? pairs.filter((pair) => Array.isArray(pair) && typeof pair[0] === "string" && typeof pair[1] === "string") : []);
  } catch {
    return new Map();
  }
}

/**
 * Links shared before providers were keyed by domain say `provider=<name>`. Such a name stands for
 * every outlet of that name, which is what it matched then, so the link keeps its results.
 */
function providerKeys(values) {
  const known = allFilters.provider ?? {};
  const keys = [];
  for (const value of values) {
    const byName = Object.hasOwn(known, value) ? [] : [...outletNames].filter(([domain, name]) => name === value && Object.hasOwn(known, domain)).map(([domain]) => domain);
    for (const key of byName.length ? byName : [value]) if (!keys.includes(key)) keys.push(key);
  }
  return keys;
}

function readState(search) {
  const params = new URLSearchParams(search);
  const state = { q: params.get("q") ?? "", sort: params.get("sort") === "newest" ? "newest" : "" };
  for (const group of FILTER_GROUPS) state[group.key] = params.getAll(group.key);
  state.provider = providerKeys(state.provider);
  return state;
}

function currentState() {
  const state = { q: input.value.trim(), sort: sortSelect.value };
  for (const group of FILTER_GROUPS) state[group.key] = [];
  for (const box of filtersBox.querySelectorAll("input[type=checkbox]:checked")) state[box.name].push(box.value);
  return state;
}

function stateToQuery(state) {
  const params = new URLSearchParams();
  if (state.q) params.set("q", state.q);
  for (const group of FILTER_GROUPS) for (const value of state[group.key]) params.append(group.key, value);
  if (state.sort) params.set("sort", state.sort);
  const query = params.toString();
  return query ? `?${query}` : location.pathname;
}

function isHttpUrl(value) {
  try {
    const parsed = new URL(value);
    return parsed.protocol === "https:" || parsed.protocol === "http:";
  } catch {
    return false;
  }
}

/** Pagefind filters for every chosen group except `without`. */
function filtersFor(state, without) {
  const filters = {};
  for (const group of FILTER_GROUPS) {
    if (group.key !== without && state[group.key].length) filters[group.key] = { any: state[group.key] };
  }
  return filters;
}

/**
 * Counts for groups with a selection, each from a search without that group's own selection:
 * values within a group are ORed, so a value's count must say what ticking it would add to,
 * not how many of the current (already narrowed) results carry it. Groups without a selection
 * take their counts from the main search, which is exactly that search.
 */
async function ownGroupCounts(state) {
  const counts = {};
  await Promise.all(
    FILTER_GROUPS.filter((group) => state[group.key].length).map(async (group) => {
      const filters = filtersFor(state, group.key);
      // Nothing else narrows it: the whole index's counts, already loaded, need no search.
      if (!state.q && Object.keys(filters).length === 0) {
        counts[group.key] = allFilters[group.key] ?? {};
        return;
      }
      const search = await pagefind.search(state.q || null, { filters });
      counts[group.key] = search.filters?.[group.key] ?? {};
    }),
  );
  return counts;
}

function renderFilters(state, counts) {
  // Rebuilding the boxes would otherwise drop keyboard focus and fold up a group the visitor opened.
  const focused = filtersBox.contains(document.activeElement) && document.activeElement instanceof HTMLInputElement ? { name: document.activeElement.name, value: document.activeElement.value } : null;
  const opened = new Set([...filtersBox.querySelectorAll("details[open]")].map((details) => details.dataset.group));
  filtersBox.replaceChildren();
  let refocus = null;
  for (const group of FILTER_GROUPS) {
    const values = Object.keys(allFilters[group.key] ?? {}).sort(group.order);
    if (values.length === 0) continue;
    const details = document.createElement("details");
    details.className = `filter-group filter-${group.key}`;
    details.dataset.group = group.key;
    if (state[group.key].length || opened.has(group.key)) details.open = true;
    const summary = document.createElement("summary");
    summary.textContent = state[group.key].length ? `${group.legend} (${state[group.key].length} chosen)` : group.legend;
    const fieldset = document.createElement("fieldset");
    const legend = document.createElement("legend");
    legend.className = "visually-hidden";
    legend.textContent = group.legend;
    fieldset.append(legend);
    // A label two values share (outlets with one name) is told apart by the value, the domain.
    const labels = values.map(group.label);
    // Counted in one pass: indexOf per label would be quadratic in the outlets, re-run on every render.
    const seen = new Map();
    for (const label of labels) seen.set(label, (seen.get(label) ?? 0) + 1);
    const shared = new Set([...seen].filter(([, n]) => n > 1).map(([label]) => label));
    for (const value of values) {
      const label = document.createElement("label");
      const box = document.createElement("input");
      box.type = "checkbox";
      box.name = group.key;
      box.value = value;
      box.checked = state[group.key].includes(value);
      // A value missing from a search's counts has no results there, whatever the index total.
      // Own keys only: a topic named "constructor" must not read Object.prototype's.
      const source = (counts ? counts[group.key] : allFilters[group.key]) ?? {};
      const count = Object.hasOwn(source, value) ? source[value] : 0;
      const text = document.createElement("span");
      text.textContent = group.label(value);
      if (shared.has(group.label(value))) {
        const detail = document.createElement("span");
        detail.className = "filter-detail";
        detail.textContent = value;
        text.append(document.createTextNode(" "), detail);
      }
      text.append(document.createTextNode(` (${count})`));
      label.append(box, " ", text);
      fieldset.append(label);
      if (focused && focused.name === group.key && focused.value === value) refocus = box;
    }
    details.append(summary, fieldset);
    filtersBox.append(details);
  }
  filtersBox.hidden = filtersBox.childElementCount === 0;
  refocus?.focus();
}

function renderResult(data) {
  const item = document.createElement("li");
  const card = document.createElement("article");
  card.className = "card";
  const meta = data.meta ?? {};
  if (meta.image && isHttpUrl(meta.image)) {
    const image = document.createElement("img");
    image.className = "card-image";
    image.src = meta.image;
    image.alt = "";
    image.loading = "lazy";
    if (meta.image_width) image.width = Number(meta.image_width);
    if (meta.image_height) image.height = Number(meta.image_height);
    card.append(image);
  }
  const body = document.createElement("div");
  body.className = "card-body";
  const heading = document.createElement("h2");
  const link = document.createElement("a");
  link.href = data.url;
  link.textContent = meta.title ?? data.url;
  heading.append(link);
  const line = document.createElement("p");
  line.className = "meta";
  const time = document.createElement("time");
  if (meta.datetime) time.dateTime = meta.datetime;
  time.textContent = meta.date ?? "";
  line.append(document.createTextNode(`${meta.outlet ?? ""} · `), time);
  const excerpt = document.createElement("p");
  excerpt.className = "excerpt";
  excerpt.textContent = meta.excerpt ?? "";
  body.append(heading, line, excerpt);
  card.append(body);
  item.append(card);
  return item;
}

async function showMore(thisRun, replace = false) {
  const batch = pending.splice(0, PAGE_SIZE);
  const loaded = await Promise.all(batch.map((result) => result.data()));
  if (thisRun !== run) return false;
  if (replace) list.replaceChildren();
  list.append(...loaded.map(renderResult));
  moreButton.hidden = pending.length === 0;
  return true;
}

async function runSearch(state) {
  const thisRun = ++run;
  const filters = filtersFor(state);
  const hasFilters = Object.keys(filters).length > 0;
  if (!state.q && !hasFilters && !state.sort) {
    renderFilters(state);
    list.replaceChildren();
    pending = [];
    moreButton.hidden = true;
    status.textContent = "Type a word to search, or choose an outlet, topic or year.";
    return;
  }
  status.textContent = "Searching…";
  const [search, ownCounts] = await Promise.all([
    pagefind.search(state.q || null, { filters, ...(state.sort === "newest" ? { sort: { date: "desc" } } : {}) }),
    ownGroupCounts(state),
  ]);
  if (thisRun !== run) return;
  pending = [...search.results];
  // The count is announced only once the cards it describes are on the page.
  if (!(await showMore(thisRun, true))) return;
  const counts = {};
  for (const group of FILTER_GROUPS) counts[group.key] = ownCounts[group.key] ?? search.filters?.[group.key] ?? {};
  renderFilters(state, counts);
  status.textContent = `${search.results.length} ${search.results.length === 1 ? "result" : "results"}`;
}

function applyState(state) {
  input.value = state.q;
  sortSelect.value = state.sort;
  return runSearch(state);
}

/** On first load the URL decides, unless the visitor already typed while Pagefind was loading. */
function applyInitialState() {
  const state = readState(location.search);
  if (!state.q && input.value.trim()) return commit(false);
  // A link naming outlets by name is rewritten to their domains, so the address bar shows the link to share.
  const named = new URLSearchParams(location.search).getAll("provider");
  if (named.length !== state.provider.length || named.some((value, i) => value !== state.provider[i])) history.replaceState(null, "", stateToQuery(state));
  return applyState(state);
}

async function commit(push) {
  const state = currentState();
  const target = stateToQuery(state);
  if (push) history.pushState(null, "", target);
  else history.replaceState(null, "", target);
  await runSearch(state);
}

async function loadPagefind() {
  const module = await import(form.dataset.bundle);
  await module.init();
  allFilters = await module.filters();
  pagefind = module;
}

function start() {
  if (form.dataset.enabled !== "true") {
    status.textContent = "Search is not enabled on this site.";
    return Promise.resolve();
  }
  // Listeners go on before Pagefind loads, so an early Enter is handled here and not by a
  // native form submission; searches wait for the bundle.
  const ready = loadPagefind();
  let typing;
  const whenReady = (action) => ready.then(action);
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    clearTimeout(typing);
    whenReady(() => commit(true));
  });
  input.addEventListener("input", () => {
    clearTimeout(typing);
    typing = setTimeout(() => whenReady(() => commit(false)), 250);
  });
  sortSelect.addEventListener("change", () => whenReady(() => commit(true)));
  filtersBox.addEventListener("change", () => whenReady(() => commit(true)));
  moreButton.addEventListener("click", () => showMore(run));
  window.addEventListener("popstate", () => whenReady(() => applyState(readState(location.search))));
  return whenReady(applyInitialState);
}

start().catch((error) => {
  status.textContent = "Search could not be loaded. Browse by topic or outlet instead.";
  console.warn("news-digest search:", error);
});
