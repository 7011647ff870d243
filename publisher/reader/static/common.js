// Shared by every reader page: the waterfall layout, impression counting and sending events.
// Events go to POST /api/v1/events without a token: the server knows the reader by cookie,
// stamps the time and the id, and keeps each reader within what a real reader could do.
(function () {
  "use strict";
  var ZC = (window.ZC = window.ZC || {});
  var queue = [];
  var timer = null;
  var EVENTS_URL = "/api/v1/events";

  function flush(useBeacon) {
    if (!queue.length) return;
    var batch = queue.splice(0, 200);
    var body = JSON.stringify(batch);
    if (useBeacon && navigator.sendBeacon) {
      navigator.sendBeacon(EVENTS_URL, new Blob([body], { type: "application/json" }));
    } else {
      fetch(EVENTS_URL, {
        method: "POST", credentials: "same-origin", keepalive: true,
        headers: { "Content-Type": "application/json" }, body: body
      }).catch(function () { queue = batch.concat(queue).slice(0, 1000); });
    }
    if (queue.length) flush(useBeacon);
  }

  // Queue one reader event {note_id, kind, value?, completed?, product_id?}; sent within 2 s,
  // or at once when the page is hidden (the tab closed, the phone locked).
  ZC.send = function (event, now) {
    queue.push(event);
    if (now) { flush(false); return; }
    if (!timer) timer = setTimeout(function () { timer = null; flush(false); }, 2000);
  };
  ZC.flush = flush;
  document.addEventListener("visibilitychange", function () {
    if (document.visibilityState === "hidden") flush(true);
  });
  window.addEventListener("pagehide", function () { flush(true); });

  // An impression is a tile at least half on screen, once per tile per page.
  var seen = {};
  var observer = "IntersectionObserver" in window ? new IntersectionObserver(function (entries) {
    entries.forEach(function (entry) {
      if (!entry.isIntersecting) return;
      var id = entry.target.getAttribute("data-note");
      observer.unobserve(entry.target);
      if (id && !seen[id]) { seen[id] = true; ZC.send({ note_id: id, kind: "impression" }); }
    });
  }, { threshold: 0.5 }) : null;

  // Lay tiles into as many columns as fit, each tile in the shortest column, so the ranking's
  // order reads left to right, top to bottom; later tiles (infinite scroll) append the same way.
  function columnCount(width) {
    return width >= 1300 ? 5 : width >= 1000 ? 4 : width >= 700 ? 3 : 2;
  }
  function Waterfall(section) {
    this.section = section;
    this.columns = [];
    this.heights = [];
    this.tiles = Array.prototype.slice.call(section.querySelectorAll(".tile"));
    this.layout();
    var self = this;
    var lastCount = this.columns.length;
    window.addEventListener("resize", function () {
      if (columnCount(self.section.clientWidth) !== lastCount) { lastCount = columnCount(self.section.clientWidth); self.layout(); }
    });
  }
  Waterfall.prototype.layout = function () {
    var count = columnCount(this.section.clientWidth || window.innerWidth);
    this.section.classList.add("laid");
    this.columns.forEach(function (column) { column.remove(); });
    this.columns = []; this.heights = [];
    for (var i = 0; i < count; i++) {
      var column = document.createElement("div");
      column.className = "column";
      this.section.appendChild(column);
      this.columns.push(column); this.heights.push(0);
    }
    var tiles = this.tiles; this.tiles = [];
    this.add(tiles);
  };
  Waterfall.prototype.add = function (tiles) {
    for (var i = 0; i < tiles.length; i++) {
      var tile = tiles[i];
      var shortest = 0;
      for (var c = 1; c < this.heights.length; c++) if (this.heights[c] < this.heights[shortest] - 1) shortest = c;
      this.columns[shortest].appendChild(tile);
      // Cover height in column widths, plus the title and author lines.
      this.heights[shortest] += parseFloat(tile.getAttribute("data-ratio") || "1.33") + 0.35;
      this.tiles.push(tile);
      if (observer) observer.observe(tile);
    }
  };
  ZC.Waterfall = Waterfall;
  ZC.waterfalls = [];
  document.querySelectorAll(".waterfall").forEach(function (section) {
    ZC.waterfalls.push(new Waterfall(section));
  });

  // Avatars without pictures get one of five colours, the same for an author everywhere
  // (again for tiles that infinite scroll adds).
  ZC.paintAvatars = function (root) {
    root.querySelectorAll(".avatar[data-seed]").forEach(function (avatar) {
      var seed = avatar.getAttribute("data-seed"), sum = 0;
      for (var i = 0; i < seed.length; i++) sum = (sum + seed.charCodeAt(i)) % 997;
      if (sum % 5) avatar.classList.add("hue-" + (sum % 5));
    });
  };
  ZC.paintAvatars(document);

  var toastTimer = null;
  ZC.toast = function (text) {
    var toast = document.querySelector(".toast");
    if (!toast) return;
    toast.textContent = text;
    toast.hidden = false;
    clearTimeout(toastTimer);
    toastTimer = setTimeout(function () { toast.hidden = true; }, 2400);
  };
  ZC.zh = document.body.getAttribute("data-lang") !== "en";
  ZC.t = function (zh, en) { return ZC.zh ? zh : en; };

  // POST JSON to the reader API; resolves to the parsed answer, rejects with {status, code}.
  ZC.post = function (url, payload) {
    return fetch(url, {
      method: "POST", credentials: "same-origin",
      headers: { "Content-Type": "application/json" }, body: JSON.stringify(payload || {})
    }).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (body) {
        if (!response.ok) throw { status: response.status, code: body.code, params: body.params || {} };
        return body;
      });
    });
  };
})();
