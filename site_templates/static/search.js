/* Search with Pagefind (progressive enhancement). Without JavaScript the search page shows
   links to the lists of notices; with it, this shows the search form and lists results in
   the page's language. Results are built with DOM methods, never injected as HTML.
   Messages with a number come from the page language's gettext catalog: the site build writes
   assets/messages/<lang>.js (the catalog's plural rule and the forms of the messages below).

   The site's index is two Pagefind bundles named by a manifest (bundles.json): a large
   stable one and a small recent one, merged with Pagefind's mergeIndex. The manifest also
   lists page ids to leave out (notices retracted or changed since the stable bundle was
   made); they are dropped, and each id kept once, before results are counted or shown. */
const form = document.querySelector(".search-form[data-index]");
const SHOWN = 20;
let catalog = null;

function ngettext(singular, plural, count) {
  const forms = (catalog && catalog.forms[singular]) || [singular, plural];
  const index = catalog ? catalog.plural(count) : Number(count !== 1);
  const text = forms[Math.min(index, forms.length - 1)];
  const language = form.dataset.language || "en";
  return text.replace("%(count)s", new Intl.NumberFormat(language).format(count));
}

function excerptNodes(html) {
  // Pagefind marks matches with <mark>; keep only text and those marks.
  const parsed = new DOMParser().parseFromString(`<p>${html}</p>`, "text/html");
  const paragraph = document.createElement("p");
  for (const node of parsed.body.firstChild ? parsed.body.firstChild.childNodes : []) {
    if (node.nodeType === Node.TEXT_NODE) {
      paragraph.append(node.textContent);
    } else if (node.nodeName === "MARK") {
      const mark = document.createElement("mark");
      mark.textContent = node.textContent;
      paragraph.append(mark);
    } else {
      paragraph.append(node.textContent || "");
    }
  }
  return paragraph;
}

if (form) {
  const input = form.querySelector("input");
  const status = document.querySelector(".search-status");
  const list = document.querySelector(".search-results");
  const manifestUrl = new URL(form.dataset.index, document.baseURI);
  const root = new URL(form.dataset.root || "/", document.baseURI);
  const language = (document.documentElement.lang || "").toLowerCase();
  let loaded = null;

  function hasLanguage(bundle) {
    return bundle.languages.some((code) => {
      const lower = code.toLowerCase();
      return lower === language || lower === language.split("-")[0];
    });
  }

  async function messages() {
    if (catalog === null && form.dataset.messages) {
      catalog = await import(new URL(form.dataset.messages, document.baseURI).href);
    }
    return catalog;
  }

  async function load() {
    if (loaded === null) {
      const response = await fetch(manifestUrl, { cache: "no-cache" });
      if (!response.ok) { throw new Error(`search manifest: ${response.status}`); }
      const manifest = await response.json();
      // Only bundles with this language: Pagefind would fall back to another language.
      const bundles = manifest.bundles.filter(hasLanguage);
      const skip = new Set(manifest.skip || []);
      let pagefind = null;
      if (bundles.length) {
        const primary = new URL(bundles[0].path, manifestUrl);
        pagefind = await import(new URL("pagefind.js", primary).href);
        await pagefind.options({ baseUrl: root.pathname, excerptLength: 24 });
        await pagefind.init();
        for (const extra of bundles.slice(1)) {
          await pagefind.mergeIndex(new URL(extra.path, manifestUrl).href, { baseUrl: root.pathname });
        }
      }
      loaded = { pagefind, skip };
    }
    return loaded;
  }

  async function find(query) {
    const { pagefind, skip } = await load();
    if (pagefind === null) { return []; }
    const search = await pagefind.search(query);
    const seen = new Set();
    return search.results.filter((result) => {
      if (skip.has(result.id) || seen.has(result.id)) { return false; }
      seen.add(result.id);
      return true;
    });
  }

  async function run(query) {
    list.replaceChildren();
    list.hidden = true;
    if (!query) {
      status.textContent = "";
      return;
    }
    status.textContent = form.dataset.loading;
    try {
      const [found] = await Promise.all([find(query), messages()]);
      const results = await Promise.all(found.slice(0, SHOWN).map((result) => result.data()));
      for (const result of results) {
        const item = document.createElement("li");
        const heading = document.createElement("h2");
        const link = document.createElement("a");
        link.href = result.url;
        link.textContent = (result.meta && result.meta.title) || result.url;
        heading.append(link);
        item.append(heading, excerptNodes(result.excerpt || ""));
        list.append(item);
      }
      list.hidden = results.length === 0;
      const count = found.length;
      status.textContent = count
        ? ngettext("%(count)s notice found.", "%(count)s notices found.", count)
        : form.dataset.none;
    } catch (error) {
      status.textContent = form.dataset.error;
    }
  }

  form.hidden = false;
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const query = input.value.trim();
    const url = new URL(window.location.href);
    if (query) { url.searchParams.set("q", query); } else { url.searchParams.delete("q"); }
    window.history.replaceState(null, "", url);
    run(query);
  });
  const initial = new URLSearchParams(window.location.search).get("q");
  if (initial) {
    input.value = initial;
    run(initial.trim());
  }
}
