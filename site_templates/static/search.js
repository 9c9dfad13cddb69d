/* Search with Pagefind (progressive enhancement). Without JavaScript the search page shows
   links to every notice and category; with it, this shows the search form and lists results
   in the page's language. Results are built with DOM methods, never injected as HTML.
   Messages with a number come from the page language's gettext catalog: the site build writes
   assets/messages/<lang>.js (the catalog's plural rule and the forms of the messages below). */
const form = document.querySelector(".search-form[data-bundle]");
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
  const bundle = new URL(form.dataset.bundle, document.baseURI);
  const root = new URL(form.dataset.root || "/", document.baseURI);
  let pagefind = null;

  async function messages() {
    if (catalog === null && form.dataset.messages) {
      catalog = await import(new URL(form.dataset.messages, document.baseURI).href);
    }
    return catalog;
  }

  async function load() {
    if (pagefind === null) {
      pagefind = await import(new URL("pagefind.js", bundle).href);
      await pagefind.options({ baseUrl: root.pathname, excerptLength: 24 });
      await pagefind.init();
    }
    return pagefind;
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
      const [engine] = await Promise.all([load(), messages()]);
      const search = await engine.search(query);
      const results = await Promise.all(search.results.slice(0, 20).map((result) => result.data()));
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
      const count = search.results.length;
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
