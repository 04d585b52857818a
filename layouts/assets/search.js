// The search page's script: Pagefind's JS API (not its UI), state in the URL, and results built
// with DOM APIs only. Article data is set with textContent and setAttribute, never parsed as HTML.
const PAGE_SIZE = 20;
/** Values a filter group lists before "Show all": with 300 outlets the list stays a few Tab presses long. */
const SHORT_LIST = 10;
/** A step that has not answered by then is reported as a failure, never left at "Searching…". */
const TIMEOUT_MS = 20_000;
const PROMPT = "Type a word to search, or choose an outlet, topic or year.";

const form = document.querySelector(".search-form");
const input = document.getElementById("search-query");
const sortSelect = document.getElementById("search-sort");
const filtersBox = form.querySelector(".search-filters");
const skipLink = form.querySelector(".skip-results");
const status = document.querySelector(".search-status");
// A search layout copied before these existed lacks them: they are made, so its page still works.
const activeBox = document.querySelector(".search-active") ?? placeBefore(status, "div", "search-active");
const errorBox = document.querySelector(".search-error") ?? placeBefore(status.nextSibling, "div", "search-error");
const siteBase = form.dataset.base ?? new URL("../", new URL(form.dataset.bundle, location.href)).pathname;
const list = document.querySelector(".search-results");
const moreButton = document.querySelector(".search-more");
const collator = new Intl.Collator(document.documentElement.lang || undefined, { numeric: true, sensitivity: "base" });

function placeBefore(next, tag, className) {
  const element = document.createElement(tag);
  element.className = className;
  element.hidden = true;
  status.parentNode.insertBefore(element, next);
  return element;
}

/**
 * Outlet names by domain, from the page (see layouts/search.js). The index's provider values are
 * domains, because two outlets may share a name; a domain the page does not list (a page older
 * than the index, a hand-made link) is shown as itself.
 */
const outletNames = readOutletNames(form.dataset.outlets);
const outletName = (domain) => outletNames.get(domain) ?? domain;

const FILTER_GROUPS = [
  { key: "provider", legend: "Outlet", plural: "outlets", label: outletName, narrow: "Find an outlet", byCount: true },
  { key: "topic", legend: "Topic", plural: "topics", label: (value) => value, narrow: "Find a topic", byCount: true },
  // A news archive is browsed from the latest year back; a handful of years needs no ranking.
  { key: "year", legend: "Year", plural: "years", label: (value) => value, narrow: null, byCount: false },
];

/** Each group's elements, and its counts once its filter chunk is loaded (only when it is opened). */
const groups = new Map(FILTER_GROUPS.map((group) => [group.key, buildGroup(group)]));

let current = readState(location.search);
let run = 0;
let pending = [];

// Pagefind runs on the page's thread (`noWorker`): its worker script is 43 kB more to download,
// and only fetches made here can be watched (see below).
let bundle;
let ready;
let loaded = false;
let stopping = Promise.resolve();
const importBundle = () => (bundle ??= import(form.dataset.bundle).catch(forget));
const loadPagefind = () =>
  (ready ??= stopping
    .then(importBundle)
    .then(async (pagefind) => {
      await pagefind.options({ noWorker: true });
      await pagefind.init();
      loaded = true;
      return pagefind;
    })
    .catch(forget));
function forget(error) {
  // So "Try again" loads afresh instead of replaying the failure.
  bundle = undefined;
  ready = undefined;
  throw error;
}
/** After a failure: Pagefind keeps a failed start for good, so the next try starts a new instance. */
function restartPagefind() {
  const previous = ready;
  ready = undefined;
  loaded = false;
  if (previous) stopping = previous.then((pagefind) => pagefind.destroy(), () => undefined).catch(() => undefined);
}

/**
 * Pagefind catches a failed index or filter chunk itself (it logs it and searches without it), so
 * a blocked request would read as "0 results". Counting the bundle's failed fetches lets a search
 * that lost one say so instead.
 */
const bundleRoot = new URL(".", new URL(form.dataset.bundle, location.href)).href;
let bundleFailures = 0;
const pageFetch = window.fetch;
window.fetch = function watchedFetch(resource, options) {
  const answer = pageFetch.call(window, resource, options);
  if (!isBundleRequest(resource)) return answer;
  return answer.then(
    (response) => {
      if (!response.ok) bundleFailures++;
      return response;
    },
    (error) => {
      bundleFailures++;
      throw error;
    },
  );
};

function isBundleRequest(resource) {
  try {
    return new URL(resource instanceof Request ? resource.url : String(resource), location.href).href.startsWith(bundleRoot);
  } catch {
    return false;
  }
}

class SearchFailure extends Error {}

function withTimeout(promise) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new SearchFailure("the search index took too long to answer")), TIMEOUT_MS);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

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
 * every outlet of that name, which is what it matched then, so the link keeps its results. A value
 * that is neither stays as it is: it is shown as an active filter the visitor can remove.
 */
function providerKeys(values) {
  const keys = [];
  for (const value of values) {
    const byName = outletNames.has(value) ? [] : [...outletNames].filter(([, name]) => name === value).map(([domain]) => domain);
    for (const key of byName.length ? byName : [value]) if (!keys.includes(key)) keys.push(key);
  }
  return keys;
}

function readState(search) {
  const params = new URLSearchParams(search);
  const state = { q: (params.get("q") ?? "").trim(), sort: params.get("sort") === "newest" ? "newest" : "" };
  for (const group of FILTER_GROUPS) state[group.key] = [...new Set(params.getAll(group.key))];
  state.provider = providerKeys(state.provider);
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

const hasFilters = (state) => FILTER_GROUPS.some((group) => state[group.key].length > 0);

/** Pagefind filters for every chosen group except `without`. */
function filtersFor(state, without) {
  const filters = {};
  for (const group of FILTER_GROUPS) {
    if (group.key !== without && state[group.key].length) filters[group.key] = { any: state[group.key] };
  }
  return filters;
}

/**
 * Counts for each open group, each from a search without that group's own choices: values within a
 * group are ORed, so a count says what ticking the value would show, not how many of the already
 * narrowed results carry it. "None of no values" narrows nothing but names the group, so Pagefind
 * loads that group's filter chunk, and only that one (the outlet chunk is 23 kB at 10,000
 * articles, the topic chunk 48 kB), when the group is first opened.
 */
async function openGroupCounts(pagefind, state) {
  const counts = new Map();
  await Promise.all(
    FILTER_GROUPS.filter((group) => groups.get(group.key).details.open).map(async (group) => {
      const search = await pagefind.search(state.q || null, { filters: { ...filtersFor(state, group.key), [group.key]: { none: [] } } });
      counts.set(group.key, search.filters?.[group.key] ?? {});
    }),
  );
  return counts;
}

function buildGroup(group) {
  const details = document.createElement("details");
  details.className = `filter-group filter-${group.key}`;
  details.dataset.group = group.key;
  const summary = document.createElement("summary");
  summary.textContent = group.legend;
  const body = document.createElement("div");
  body.className = "filter-body";
  let narrow = null;
  if (group.narrow) {
    const label = document.createElement("label");
    label.className = "filter-narrow";
    narrow = document.createElement("input");
    narrow.type = "search";
    narrow.autocomplete = "off";
    narrow.spellcheck = false;
    label.append(`${group.narrow} `, narrow);
    body.append(label);
  }
  const fieldset = document.createElement("fieldset");
  const legend = document.createElement("legend");
  legend.className = "visually-hidden";
  legend.textContent = group.legend;
  const values = document.createElement("div");
  values.className = "filter-values";
  fieldset.append(legend, values);
  const note = document.createElement("p");
  note.className = "filter-note";
  const all = document.createElement("button");
  all.type = "button";
  all.className = "filter-all";
  all.hidden = true;
  body.append(fieldset, note, all);
  details.append(summary, body);
  filtersBox.append(details);
  const ui = { group, details, summary, narrow, values, note, all, counts: null, showAll: false };
  details.addEventListener("toggle", () => {
    // Counts taken while the group was closed would be stale: each opening counts afresh.
    if (details.open && form.dataset.enabled === "true") refreshCounts();
  });
  narrow?.addEventListener("input", () => renderGroup(ui));
  // Enter in the narrowing box would submit the search form.
  narrow?.addEventListener("keydown", (event) => {
    if (event.key === "Enter") event.preventDefault();
  });
  all.addEventListener("click", () => {
    ui.showAll = !ui.showAll;
    renderGroup(ui);
  });
  values.addEventListener("change", (event) => {
    const box = event.target;
    if (!(box instanceof HTMLInputElement)) return;
    const chosen = current[group.key].filter((value) => value !== box.value);
    if (box.checked) chosen.push(box.value);
    update({ ...current, [group.key]: chosen }, true);
  });
  return ui;
}

/** Case and accents ignored, so "zurich" finds "Zürich". */
const fold = (text) => text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();

function renderGroup(ui) {
  const { group } = ui;
  const chosen = current[group.key];
  ui.summary.textContent = chosen.length ? `${group.legend} (${chosen.length} chosen)` : group.legend;
  if (!ui.details.open) return;
  if (!ui.counts) {
    ui.values.replaceChildren();
    ui.note.textContent = `Loading ${group.plural}…`;
    ui.all.hidden = true;
    return;
  }
  // Own keys only: a topic named "constructor" must not read Object.prototype's.
  const countOf = (value) => (Object.hasOwn(ui.counts, value) ? ui.counts[value] : 0);
  const needle = fold(ui.narrow?.value.trim() ?? "");
  // Values with results, and every chosen one (so it can be unticked, even when it has none).
  let values = [...new Set([...Object.keys(ui.counts).filter((value) => countOf(value) > 0), ...chosen])];
  if (needle) values = values.filter((value) => fold(group.label(value)).includes(needle) || fold(value).includes(needle));
  values.sort(group.byCount ? (a, b) => countOf(b) - countOf(a) || collator.compare(group.label(a), group.label(b)) || collator.compare(a, b) : (a, b) => collator.compare(b, a));
  const short = !needle && !ui.showAll && values.length > SHORT_LIST;
  const top = new Set(values.slice(0, SHORT_LIST));
  const shown = short ? values.filter((value) => top.has(value) || chosen.includes(value)) : values;

  const focused = ui.values.contains(document.activeElement) ? document.activeElement.value : null;
  // A label two values share (outlets with one name) is told apart by the value, the domain.
  const seen = new Map();
  for (const value of shown) seen.set(group.label(value), (seen.get(group.label(value)) ?? 0) + 1);
  let refocus = null;
  const labels = shown.map((value) => {
    const label = document.createElement("label");
    const box = document.createElement("input");
    box.type = "checkbox";
    box.name = group.key;
    box.value = value;
    box.checked = chosen.includes(value);
    const text = document.createElement("span");
    text.textContent = group.label(value);
    if ((seen.get(group.label(value)) ?? 0) > 1) {
      const detail = document.createElement("span");
      detail.className = "filter-detail";
      detail.textContent = value;
      text.append(" ", detail);
    }
    text.append(` (${countOf(value)})`);
    label.append(box, " ", text);
    if (value === focused) refocus = box;
    return label;
  });
  ui.values.replaceChildren(...labels);
  ui.note.textContent = shown.length ? "" : needle ? `No ${group.plural} match “${ui.narrow?.value.trim()}”.` : `No ${group.plural} in these results.`;
  ui.all.hidden = !short && !ui.showAll;
  ui.all.textContent = ui.showAll ? `Show fewer ${group.plural}` : `Show all ${values.length} ${group.plural}`;
  ui.all.setAttribute("aria-expanded", String(ui.showAll));
  refocus?.focus();
}

function renderGroups() {
  for (const ui of groups.values()) renderGroup(ui);
}

/** The active filters as buttons that remove them, unknown values from a link included, and "Clear all". */
function renderActive() {
  const chosen = FILTER_GROUPS.flatMap((group) => current[group.key].map((value) => ({ group, value })));
  const focusedAt = [...activeBox.querySelectorAll("button")].indexOf(document.activeElement);
  activeBox.hidden = chosen.length === 0;
  if (chosen.length === 0) {
    activeBox.replaceChildren();
    // The last chip is gone: the query box is the nearest place left.
    if (focusedAt >= 0) input.focus();
    return;
  }
  const heading = document.createElement("p");
  heading.className = "visually-hidden";
  heading.id = "search-active-label";
  heading.textContent = "Active filters";
  const chips = document.createElement("ul");
  chips.className = "search-chips";
  chips.setAttribute("aria-labelledby", heading.id);
  for (const { group, value } of chosen) {
    const item = document.createElement("li");
    const chip = document.createElement("button");
    chip.type = "button";
    chip.className = "chip";
    chip.setAttribute("aria-label", `Remove filter ${group.legend}: ${group.label(value)}`);
    const cross = document.createElement("span");
    cross.setAttribute("aria-hidden", "true");
    cross.textContent = "×";
    chip.append(`${group.legend}: ${group.label(value)} `, cross);
    chip.addEventListener("click", () => update({ ...current, [group.key]: current[group.key].filter((v) => v !== value) }, true));
    item.append(chip);
    chips.append(item);
  }
  const clear = document.createElement("button");
  clear.type = "button";
  clear.className = "chip-clear";
  clear.textContent = "Clear all";
  clear.addEventListener("click", () => {
    update({ ...current, ...Object.fromEntries(FILTER_GROUPS.map((group) => [group.key, []])) }, true);
    input.focus();
  });
  activeBox.replaceChildren(heading, chips, clear);
  // A removed chip takes its button with it: keep the keyboard where it was.
  if (focusedAt >= 0) {
    const buttons = activeBox.querySelectorAll("button.chip");
    (buttons[Math.min(focusedAt, buttons.length - 1)] ?? clear).focus();
  }
}

function isHttpUrl(value) {
  try {
    const parsed = new URL(value);
    return parsed.protocol === "https:" || parsed.protocol === "http:";
  } catch {
    return false;
  }
}

const text = (value) => (typeof value === "string" ? value : "");
const pixels = (value) => (Number.isInteger(value) && value > 0 ? value : undefined);

/** The card data a record carries as its `card` filter (src/search/records.ts says why not metadata). */
function readCard(data) {
  try {
    const card = JSON.parse(data.filters?.card?.[0] ?? "{}");
    return card && typeof card === "object" ? card : {};
  } catch {
    return {};
  }
}

/** A site-relative path from the index as a link under this page's path prefix; anything else is not linked. */
function sitePath(path) {
  if (typeof path !== "string" || !/^\/(?![/\\])[^\s\\]*$/.test(path)) return null;
  return `${siteBase}${path.slice(1)}`;
}

// Pagefind's own word separator (its excerpts split page text with it), so word n here is its word n.
const WORD_SEPARATORS = /[^\S\uFEFF]+/;
const words = (value) => value.trim().split(WORD_SEPARATORS).filter(Boolean);
const unescapePagefind = (value) => value.replace(/&lt;/g, "<").replace(/&gt;/g, ">");

/**
 * Which words of the headline and excerpt Pagefind matched. Its word positions count the words of
 * the record's text, which starts with the headline and then the excerpt (record-page.ts), so
 * Pagefind's own matching (stems, prefixes, accents) decides what is marked. The words are checked
 * against the text first; where they do not line up (text Pagefind segments with zero-width
 * spaces, such as Japanese), nothing is marked rather than the wrong words.
 */
function matchedWords(data, title, excerpt) {
  const none = { title: new Set(), excerpt: new Set(), elsewhere: false };
  const locations = Array.isArray(data.locations) ? data.locations.filter(Number.isInteger) : [];
  const raw = text(data.raw_content);
  if (locations.length === 0 || raw.includes("\u200B")) return none;
  const content = raw.split(WORD_SEPARATORS);
  const expected = [...title, ...excerpt];
  // Pagefind ends a block with a full stop where it had none, and escapes < and >.
  const same = (word, i) => unescapePagefind(content[i] ?? "").replace(/\.$/, "") === word.replace(/\.$/, "");
  if (!expected.every(same)) return none;
  return {
    title: new Set(locations.filter((at) => at < title.length)),
    excerpt: new Set(locations.filter((at) => at >= title.length && at < expected.length).map((at) => at - title.length)),
    elsewhere: locations.some((at) => at >= expected.length),
  };
}

/** Text as nodes, the words at `marked` positions in <mark>: never markup from the data. */
function markWords(value, marked) {
  const nodes = [];
  let index = 0;
  // Split with the separator captured: words at even positions, the spaces between at odd ones.
  for (const [at, part] of value.trim().split(/([^\S\uFEFF]+)/).entries()) {
    if (part === "") continue;
    if (at % 2 === 1) {
      nodes.push(document.createTextNode(part));
      continue;
    }
    if (marked.has(index++)) {
      // The word itself, not the punctuation Pagefind's word keeps around it ("market." or "(rates").
      const [, before = "", core = "", after = ""] = /^([^\p{L}\p{N}]*)(.*?)([^\p{L}\p{N}]*)$/su.exec(part) ?? [];
      const mark = document.createElement("mark");
      mark.textContent = core || part;
      nodes.push(...(core ? [before, mark, after] : [mark]).filter((node) => node !== "").map((node) => (typeof node === "string" ? document.createTextNode(node) : node)));
    } else nodes.push(document.createTextNode(part));
  }
  return nodes;
}

/**
 * Pagefind's excerpt is page text with < and > escaped and <mark> tags around matched words: split
 * on exactly those tags and set the rest as text, so nothing in it can become an element.
 */
function markedExcerpt(value) {
  const nodes = [];
  let inMark = false;
  for (const part of value.split(/(<mark>|<\/mark>)/)) {
    if (part === "<mark>" || part === "</mark>") {
      inMark = part === "<mark>";
      continue;
    }
    if (part === "") continue;
    const shown = unescapePagefind(part);
    if (inMark) {
      const mark = document.createElement("mark");
      mark.textContent = shown;
      nodes.push(mark);
    } else nodes.push(document.createTextNode(shown));
  }
  return nodes;
}

function renderResult(data) {
  const item = document.createElement("li");
  const card = document.createElement("article");
  card.className = "card";
  const meta = data.meta ?? {};
  const details = readCard(data);
  const image = details.image && typeof details.image === "object" ? details.image : {};
  if (isHttpUrl(image.url)) {
    const img = document.createElement("img");
    img.className = "card-image";
    img.src = image.url;
    img.alt = "";
    img.loading = "lazy";
    if (pixels(image.width)) img.width = image.width;
    if (pixels(image.height)) img.height = image.height;
    card.append(img);
  }
  const body = document.createElement("div");
  body.className = "card-body";
  const title = text(meta.title) || data.url;
  const excerpt = text(meta.excerpt);
  const marked = matchedWords(data, words(title), words(excerpt));
  const heading = document.createElement("h2");
  const link = document.createElement("a");
  link.href = data.url;
  link.append(...markWords(title, marked.title));
  heading.append(link);
  const line = document.createElement("p");
  line.className = "meta";
  const outlet = text(details.outlet) || outletName(text(data.filters?.provider?.[0]));
  const outletHref = sitePath(details.outletUrl);
  if (outletHref) {
    const outletLink = document.createElement("a");
    outletLink.href = outletHref;
    outletLink.textContent = outlet;
    line.append(outletLink);
  } else line.append(outlet);
  const time = document.createElement("time");
  if (text(details.datetime)) time.dateTime = details.datetime;
  time.textContent = text(details.date);
  line.append(" · ", time);
  const summary = document.createElement("p");
  summary.className = "excerpt";
  summary.append(...markWords(excerpt, marked.excerpt));
  body.append(heading, line, summary);
  // Matched only in its topics or body: Pagefind's passage shows why it is here.
  if (marked.title.size === 0 && marked.excerpt.size === 0 && marked.elsewhere && text(data.excerpt)) {
    const context = document.createElement("p");
    context.className = "match-context";
    context.append(...markedExcerpt(data.excerpt));
    body.append(context);
  }
  card.append(body);
  item.append(card);
  return item;
}

async function showMore(thisRun, replace = false) {
  const batch = pending.splice(0, PAGE_SIZE);
  const failuresBefore = bundleFailures;
  const loadedCards = await withTimeout(Promise.all(batch.map((result) => result.data())));
  if (thisRun !== run) return false;
  if (bundleFailures > failuresBefore) throw new SearchFailure("part of the search index could not be loaded");
  if (replace) list.replaceChildren();
  list.append(...loadedCards.map(renderResult));
  moreButton.hidden = pending.length === 0;
  return true;
}

/** Said plainly, with somewhere to go: never "Searching…" forever, never a "0 results" that is not true. */
function showFailure(error) {
  list.replaceChildren();
  pending = [];
  moreButton.hidden = true;
  status.textContent = "Search is not working right now: part of the search index could not be loaded.";
  errorBox.hidden = false;
  restartPagefind();
  console.warn("news-digest search:", error);
}

async function refreshCounts() {
  const thisRun = run;
  const state = current;
  const failuresBefore = bundleFailures;
  renderGroups();
  try {
    const pagefind = await withTimeout(loadPagefind());
    const counts = await withTimeout(openGroupCounts(pagefind, state));
    if (thisRun !== run) return;
    if (bundleFailures > failuresBefore) throw new SearchFailure("a filter could not be loaded");
    for (const [key, values] of counts) groups.get(key).counts = values;
    renderGroups();
  } catch (error) {
    if (thisRun === run) showFailure(error);
  }
}

async function runSearch(state) {
  const thisRun = ++run;
  renderActive();
  renderGroups();
  errorBox.hidden = true;
  if (!state.q && !hasFilters(state) && !state.sort) {
    list.replaceChildren();
    pending = [];
    moreButton.hidden = true;
    status.textContent = PROMPT;
    if (FILTER_GROUPS.some((group) => groups.get(group.key).details.open)) await refreshCounts();
    return;
  }
  status.textContent = loaded ? "Searching…" : "Loading search…";
  const failuresBefore = bundleFailures;
  try {
    const pagefind = await withTimeout(loadPagefind());
    if (thisRun !== run) return;
    status.textContent = "Searching…";
    const [search, counts] = await withTimeout(Promise.all([pagefind.search(state.q || null, { filters: filtersFor(state), ...(state.sort === "newest" ? { sort: { date: "desc" } } : {}) }), openGroupCounts(pagefind, state)]));
    if (thisRun !== run) return;
    // A lost index or filter chunk leaves a search short, not failed: Pagefind only logs it.
    if (bundleFailures > failuresBefore) throw new SearchFailure("part of the search index could not be loaded");
    pending = [...search.results];
    // The count is announced only once the cards it describes are on the page.
    if (!(await showMore(thisRun, true))) return;
    for (const [key, values] of counts) groups.get(key).counts = values;
    renderGroups();
    status.textContent = `${search.results.length} ${search.results.length === 1 ? "result" : "results"}`;
  } catch (error) {
    if (thisRun === run) showFailure(error);
  }
}

function showState(state) {
  input.value = state.q;
  sortSelect.value = state.sort;
}

/** The new state, in the address bar (pushed when it is a step Back should undo) and searched. */
function update(state, push) {
  // One set of choices, one address: values in a fixed order, not the order they were ticked in.
  for (const group of FILTER_GROUPS) state[group.key] = [...state[group.key]].sort(group.byCount ? (a, b) => collator.compare(group.label(a), group.label(b)) || collator.compare(a, b) : (a, b) => collator.compare(b, a));
  current = state;
  const target = stateToQuery(state);
  if (push) history.pushState(null, "", target);
  else history.replaceState(null, "", target);
  return runSearch(state);
}

function start() {
  // The URL's state is on the page at once; Pagefind loads only once there is something to search.
  showState(current);
  for (const group of FILTER_GROUPS) groups.get(group.key).details.open = current[group.key].length > 0;
  renderActive();
  renderGroups();
  if (form.dataset.enabled !== "true") {
    status.textContent = "Search is not enabled on this site.";
    errorBox.hidden = false;
    return;
  }
  // A link naming outlets by name is rewritten to their domains, so the address bar shows the link to share.
  const named = new URLSearchParams(location.search).getAll("provider");
  if (named.length !== current.provider.length || named.some((value, i) => value !== current.provider[i])) history.replaceState(null, "", stateToQuery(current));

  let typing;
  // Focus hints at a search: fetch the library (47 kB), not yet the index.
  input.addEventListener("focus", () => importBundle().catch(() => undefined), { once: true });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    clearTimeout(typing);
    update({ ...current, q: input.value.trim() }, true);
  });
  input.addEventListener("input", () => {
    clearTimeout(typing);
    // The first keystroke starts loading the index while the visitor is still typing.
    if (input.value.trim()) loadPagefind().catch(() => undefined);
    typing = setTimeout(() => update({ ...current, q: input.value.trim() }, false), 250);
  });
  sortSelect.addEventListener("change", () => update({ ...current, sort: sortSelect.value }, true));
  skipLink?.addEventListener("click", (event) => {
    // Focus, not a #fragment: that would add a history entry and a popstate.
    event.preventDefault();
    list.focus();
  });
  moreButton.addEventListener("click", () => showMore(run).catch((error) => showFailure(error)));
  errorBox.append(retryButton());
  window.addEventListener("popstate", () => {
    current = readState(location.search);
    showState(current);
    runSearch(current);
  });
  if (current.q || hasFilters(current) || current.sort) runSearch(current);
  else status.textContent = PROMPT;
}

function retryButton() {
  const retry = document.createElement("button");
  retry.type = "button";
  retry.className = "search-retry";
  retry.textContent = "Try again";
  retry.addEventListener("click", () => runSearch(current));
  return retry;
}

start();
