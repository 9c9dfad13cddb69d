// Refresh the running jobs on the dashboard every few seconds (the page works without it).
(function () {
  "use strict";
  var section = document.getElementById("jobs");
  if (!section || !window.fetch) { return; }
  var address = section.getAttribute("data-refresh");
  function refresh() {
    fetch(address, { credentials: "same-origin", headers: { "Accept": "text/html" } })
      .then(function (response) { return response.ok ? response.text() : null; })
      .then(function (html) {
        if (html === null) { return; }
        var heading = section.querySelector("h2");
        var holder = document.createElement("div");
        holder.innerHTML = html;
        while (section.lastChild !== heading) { section.removeChild(section.lastChild); }
        while (holder.firstChild) { section.appendChild(holder.firstChild); }
      })
      .catch(function () {});
  }
  window.setInterval(refresh, 5000);
})();
