// Search and browse pages: the search box's dropdown (hot searches when it is empty,
// completions as the reader types, from /search/suggest) and the infinite scroll of the
// notes lists of the feed, search, topic, account and brand pages (`.browse-notes[data-more]`;
// with data-seen-param="1" it sends the notes already shown, so the next page is the best of
// the rest).
// Safe on any page: each part starts only when its elements are there. Text from the server
// is only ever set as textContent.
(function () {
  "use strict";
  var ZC = (window.ZC = window.ZC || {});
  // Included twice (by base.html and by a page), it still starts once.
  if (ZC.searchStarted) return;
  ZC.searchStarted = true;
  var t = ZC.t || function (zh) { return zh; };

  // ---- The search box's dropdown ----
  function Suggest(form) {
    var input = form.querySelector("input[name=q]");
    if (!input) return;
    var list = document.createElement("ul");
    list.className = "suggest";
    list.id = "search-suggest";
    list.setAttribute("role", "listbox");
    list.hidden = true;
    form.appendChild(list);
    form.classList.add("has-suggest");
    input.setAttribute("aria-controls", list.id);
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    var items = [], active = -1, timer = null, asked = 0, lastQuery = null;
    var ICONS = { topic: "#", user: "@", product: "¥" };

    function close() {
      list.hidden = true;
      active = -1;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
    }

    function mark(index) {
      items.forEach(function (item, i) {
        item.classList.toggle("active", i === index);
        item.setAttribute("aria-selected", i === index ? "true" : "false");
      });
      active = index;
      if (index >= 0) input.setAttribute("aria-activedescendant", items[index].id);
      else input.removeAttribute("aria-activedescendant");
    }

    function show(query, entries) {
      list.textContent = "";
      items = [];
      active = -1;
      if (!entries.length) { close(); return; }
      if (!query) {
        var head = document.createElement("li");
        head.className = "suggest-head";
        head.setAttribute("role", "presentation");
        head.textContent = t("热门搜索", "Trending searches");
        list.appendChild(head);
      }
      entries.forEach(function (entry, i) {
        var li = document.createElement("li");
        li.id = "search-suggest-" + i;
        li.setAttribute("role", "option");
        li.className = "suggest-item suggest-" + entry.kind;
        var link = document.createElement("a");
        link.href = entry.url;
        link.tabIndex = -1;
        var icon = document.createElement("span");
        icon.className = "suggest-icon";
        icon.setAttribute("aria-hidden", "true");
        icon.textContent = entry.kind === "hot" ? String(i + 1) : ICONS[entry.kind] || "";
        var text = document.createElement("span");
        text.className = "suggest-text";
        text.textContent = entry.text;
        link.appendChild(icon);
        link.appendChild(text);
        if (entry.hint) {
          var hint = document.createElement("span");
          hint.className = "suggest-hint";
          hint.textContent = entry.hint;
          link.appendChild(hint);
        }
        li.appendChild(link);
        list.appendChild(li);
        items.push(li);
      });
      list.hidden = false;
      input.setAttribute("aria-expanded", "true");
    }

    function ask() {
      var query = input.value.trim().slice(0, 64);
      if (query === lastQuery && !list.hidden) return;
      lastQuery = query;
      var mine = ++asked;
      fetch("/search/suggest?q=" + encodeURIComponent(query), {
        credentials: "same-origin", headers: { Accept: "application/json" }
      }).then(function (response) {
        return response.ok ? response.json() : { items: [] };
      }).then(function (body) {
        // An older answer arriving after a newer question is dropped.
        if (mine === asked && document.activeElement === input) show(query, body.items || []);
      }).catch(function () { /* the box still searches on Enter */ });
    }

    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(ask, 120);
    });
    input.addEventListener("focus", ask);
    input.addEventListener("blur", function () { setTimeout(close, 150); });
    input.addEventListener("keydown", function (event) {
      if (list.hidden || !items.length) return;
      if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        event.preventDefault();
        // -1 is the box itself: the keys cycle through it and every line.
        var position = active + (event.key === "ArrowDown" ? 1 : -1);
        if (position < -1) position = items.length - 1;
        if (position >= items.length) position = -1;
        mark(position);
      } else if (event.key === "Enter" && active >= 0) {
        event.preventDefault();
        window.location.href = items[active].querySelector("a").href;
      } else if (event.key === "Escape") {
        close();
      }
    });
    // Keep the focus in the box while a line is clicked, so blur does not close it first.
    list.addEventListener("mousedown", function (event) { event.preventDefault(); });
  }

  document.querySelectorAll("form.search").forEach(function (form) { new Suggest(form); });

  // ---- Infinite scroll of a notes list ----
  var AHEAD = 1200; // start loading this many pixels before the last tiles come into view
  var MAX_SEEN = 400; // more notes than this on the page: ask by offset alone
  var SEEN_HEX = 12; // hex digits of a note id that name it

  function More(box) {
    var section = box.querySelector(".waterfall");
    var waterfall = (ZC.waterfalls || []).filter(function (w) { return w.section === section; })[0];
    if (!waterfall) return;
    var base = box.getAttribute("data-more");
    var next = parseInt(box.getAttribute("data-next"), 10) || 0;
    var ended = box.getAttribute("data-end") === "1";
    var sendSeen = box.getAttribute("data-seen-param") === "1";
    var busy = false;
    var sentinel = box.querySelector(".browse-sentinel");
    var loading = box.querySelector(".browse-loading");
    var retry = box.querySelector(".browse-retry");
    var end = box.querySelector(".browse-end");
    var shown = {};
    waterfall.tiles.forEach(function (tile) { shown[tile.getAttribute("data-note")] = true; });

    function address() {
      var ids = Object.keys(shown);
      if (!sendSeen || !ids.length || ids.length > MAX_SEEN) return base + next;
      var seen = ids.map(function (id) { return id.replace(/-/g, "").slice(0, SEEN_HEX); });
      return base + next + "&seen=" + seen.join(",");
    }

    function nearEnd() {
      return sentinel.getBoundingClientRect().top < window.innerHeight + AHEAD;
    }

    function settle(failed) {
      busy = false;
      loading.hidden = true;
      retry.hidden = !failed;
      end.hidden = !ended;
    }

    function append(html) {
      var holder = document.createElement("template");
      holder.innerHTML = html;
      var page = holder.content.querySelector(".browse-page");
      if (!page) throw new Error("not a page of notes");
      next = Math.max(next, parseInt(page.getAttribute("data-next"), 10) || 0);
      ended = page.getAttribute("data-end") === "1";
      if (ZC.paintAvatars) ZC.paintAvatars(page);
      var fresh = [];
      page.querySelectorAll(".tile[data-note]").forEach(function (tile) {
        var id = tile.getAttribute("data-note");
        if (!shown[id]) { shown[id] = true; fresh.push(tile); }
      });
      waterfall.add(fresh);
    }

    function load() {
      if (busy || ended) return;
      busy = true;
      loading.hidden = false;
      retry.hidden = true;
      fetch(address(), { credentials: "same-origin", headers: { Accept: "text/html" } })
        .then(function (response) {
          if (!response.ok) throw new Error("HTTP " + response.status);
          return response.text();
        }).then(function (html) {
          append(html);
          settle(false);
          if (!ended && nearEnd()) load();
        }).catch(function () { settle(true); });
    }

    retry.querySelector("button").addEventListener("click", load);
    if (ended) return;
    if ("IntersectionObserver" in window) {
      new IntersectionObserver(function (entries) {
        if (entries[0].isIntersecting) load();
      }, { rootMargin: "0px 0px " + AHEAD + "px 0px" }).observe(sentinel);
    } else {
      window.addEventListener("scroll", function () { if (nearEnd()) load(); }, { passive: true });
    }
  }

  document.querySelectorAll(".browse-notes[data-more]").forEach(function (box) { new More(box); });
})();
