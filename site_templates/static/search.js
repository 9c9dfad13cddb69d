/* Search with Pagefind (progressive enhancement). Without JavaScript the search page shows
   links to every notice and category; with it, this shows the search form and lists results
   in the page's language. Results are built with DOM methods, never injected as HTML. */
const form = document.querySelector(".search-form[data-bundle]");

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
      const engine = await load();
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
      status.textContent = search.results.length
        ? form.dataset.results.replace("{count}", String(search.results.length))
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
