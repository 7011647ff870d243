// The note and product pages: the photo carousel, the view a note's page reports (a video's
// with the seconds watched), sharing, product clicks, comments and the quantity picker.
(function () {
  "use strict";
  var ZC = window.ZC;
  if (!ZC) return;
  var page = document.querySelector("[data-note-page]");
  var noteId = page ? page.getAttribute("data-note-page") : null;

  // Carousel: the row scrolls (and snaps) on its own under a finger; arrows, dots, the counter
  // and the arrow keys follow it.
  document.querySelectorAll("[data-carousel]").forEach(function (carousel) {
    var row = carousel.querySelector(".slides");
    var slides = row.children;
    var dots = carousel.querySelectorAll(".dot");
    var index = carousel.querySelector("[data-index]");
    var prev = carousel.querySelector(".prev"), next = carousel.querySelector(".next");
    var current = 0, ticking = false;
    function show(i) {
      current = i;
      dots.forEach(function (dot, d) { dot.classList.toggle("on", d === i); });
      if (index) index.textContent = i + 1;
      if (prev) prev.disabled = i === 0;
      if (next) next.disabled = i === slides.length - 1;
    }
    function go(i) {
      i = Math.max(0, Math.min(slides.length - 1, i));
      row.scrollTo({ left: i * row.clientWidth, behavior: "smooth" });
      show(i);
    }
    row.addEventListener("scroll", function () {
      if (ticking) return;
      ticking = true;
      requestAnimationFrame(function () {
        ticking = false;
        var i = Math.round(row.scrollLeft / Math.max(1, row.clientWidth));
        if (i !== current) show(i);
      });
    }, { passive: true });
    carousel.querySelectorAll(".carousel-arrow").forEach(function (arrow) {
      arrow.addEventListener("click", function () { go(current + parseInt(arrow.getAttribute("data-step"), 10)); });
    });
    row.addEventListener("keydown", function (event) {
      if (event.key === "ArrowLeft") { event.preventDefault(); go(current - 1); }
      if (event.key === "ArrowRight") { event.preventDefault(); go(current + 1); }
    });
  });

  // One view per visit of a note's page: a photo note's at once; a video note's once, with
  // the seconds actually played, rounded (seeking adds nothing), and completed when those
  // reach 90 % of it — decided on the seconds sent, as the server checks them. It goes when the
  // reader watches to the end or leaves the page, whichever comes first; never when the tab
  // is merely hidden, as a tab switch would fix the watch time at what was seen so far (the
  // server keeps the first view of its half hour, not the longest).
  // A phone may discard a hidden tab without a pagehide, so a hidden page parks its view so
  // far in localStorage and takes it back when shown again or sent; a later note or product
  // page sends the views parked longer than the view's half hour, which their pages never
  // could. A page whose parked view another page sent sends none.
  var PARKED = "zc_parked_views", PARKED_MS = 30 * 60 * 1000;
  function parked(change) {  // change the parked views; false where storage is closed to us
    try {
      var views = JSON.parse(localStorage.getItem(PARKED) || "{}") || {};
      change(views);
      localStorage.setItem(PARKED, JSON.stringify(views));
      return true;
    } catch (error) {
      return false;
    }
  }
  parked(function (views) {
    Object.keys(views).forEach(function (visit) {
      var left = views[visit] || {};
      if (Date.now() - left.at < PARKED_MS) return;
      if (left.event) ZC.send(left.event);
      delete views[visit];
    });
  });

  if (noteId) {
    var video = page.querySelector("video");
    if (!video) {
      ZC.send({ note_id: noteId, kind: "view" });
    } else {
      var duration = parseFloat(page.getAttribute("data-duration")) || 0;
      var visit, watched, last, sent, away;
      var begin = function () {
        visit = noteId + ":" + Date.now() + ":" + Math.random().toString(36).slice(2);
        watched = 0; last = null; sent = false; away = false;
      };
      begin();
      video.addEventListener("timeupdate", function () {
        var t = video.currentTime;
        if (last !== null && !video.seeking) {
          var step = t - last;
          if (step > 0 && step < 1.5) watched += step;
        }
        last = t;
      });
      video.addEventListener("seeking", function () { last = null; });
      video.addEventListener("play", function () { last = video.currentTime; });
      var view = function () {
        var length = duration || video.duration || 0;
        var seconds = Math.round(length ? Math.min(watched, length) : watched);
        var event = { note_id: noteId, kind: "view", value: seconds };
        if (length && seconds >= length * 0.9) event.completed = true;
        return event;
      };
      var report = function (leaving) {
        if (sent) return;
        sent = true;
        var ours = true;
        if (away) parked(function (views) { ours = !!views[visit]; delete views[visit]; });
        if (!ours) return;  // a later page sent it while this one was away
        ZC.send(view(), !leaving);
        if (leaving) ZC.flush(true);
      };
      video.addEventListener("ended", function () { report(false); });
      window.addEventListener("pagehide", function () { report(true); });
      window.addEventListener("pageshow", function (event) { if (event.persisted) begin(); });
      document.addEventListener("visibilitychange", function () {
        if (sent) return;
        if (document.visibilityState === "hidden") {
          away = parked(function (views) { views[visit] = { event: view(), at: Date.now() }; });
        } else if (away) {
          away = false;
          parked(function (views) {
            if (views[visit]) delete views[visit];
            else sent = true;  // a later page sent it while this one was away
          });
        }
      });
    }
  }

  // Product cards count a click on the way to the product's page.
  document.addEventListener("click", function (event) {
    var card = event.target.closest && event.target.closest("[data-product-click]");
    if (card && noteId) {
      ZC.send({ note_id: noteId, kind: "product_click", product_id: card.getAttribute("data-product-click") }, true);
    }
  });

  // Share: a phone's own share sheet where it has one; else the link on the clipboard, or
  // shown selected (with a close button) where the clipboard is closed to us.
  var shareBox = document.querySelector("[data-share-box]");
  var phone = window.matchMedia && window.matchMedia("(pointer: coarse)").matches;
  function showLink(url) {
    if (!shareBox) return;
    var input = shareBox.querySelector("input");
    input.value = url;
    shareBox.hidden = false;
    input.focus();
    input.select();
  }
  function copyLink(url) {
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(url).then(function () {
        ZC.toast(ZC.t("链接已复制，快去分享吧", "Link copied — share it anywhere"));
      }, function () { showLink(url); });
    } else {
      showLink(url);
    }
  }
  document.querySelectorAll("[data-share]").forEach(function (button) {
    button.addEventListener("click", function () {
      var url = location.origin + "/note/" + button.getAttribute("data-share");
      ZC.send({ note_id: button.getAttribute("data-share"), kind: "share" }, true);
      if (phone && navigator.share) {
        navigator.share({ title: document.title, url: url }).catch(function (error) {
          if (!error || error.name !== "AbortError") copyLink(url);  // closing the sheet is no failure
        });
      } else {
        copyLink(url);
      }
    });
  });
  var shareClose = document.querySelector("[data-share-close]");
  if (shareClose) shareClose.addEventListener("click", function () { shareBox.hidden = true; });

  // Comments: sent without leaving the page, shown at the top of the list at once (a held
  // one marked as waiting for the author).
  var form = document.querySelector("[data-comment-form]");
  if (form) {
    var bar = form.closest(".note-bar");
    var body = form.elements.body, name = form.elements.name;
    var open = function () { bar.classList.add("writing"); };
    form.addEventListener("focusin", open);
    document.addEventListener("click", function (event) {
      if (!bar.contains(event.target) && !body.value) bar.classList.remove("writing");
    });
    document.querySelectorAll("[data-comment-jump]").forEach(function (link) {
      link.addEventListener("click", function (event) {
        event.preventDefault();
        open();
        body.focus();
      });
    });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var text = body.value.trim();
      if (!text) { body.focus(); return; }
      var send = form.querySelector("button[type=submit]");
      send.disabled = true;
      ZC.post("/api/v1/reader/notes/" + form.getAttribute("data-comment-form") + "/comments", {
        body: text, name: name.value.trim() || null
      }).then(function (comment) {
        addComment(comment);
        body.value = "";
        bar.classList.remove("writing");
        ZC.toast(comment.status === "held"
          ? ZC.t("评论已提交，作者审核后公开", "Sent — shown once the author reviews it")
          : ZC.t("评论成功", "Comment posted"));
      }, function (error) {
        ZC.toast(ZC.explain(error));
      }).then(function () { send.disabled = false; });
    });
  }

  function addComment(comment) {
    var list = document.querySelector("[data-comment-list]");
    if (!list) return;
    var item = document.createElement("li");
    item.className = "comment mine" + (comment.status === "held" ? " held" : "");
    var avatar = document.createElement("span");
    avatar.className = "avatar avatar-md";
    avatar.setAttribute("data-seed", comment.name);
    avatar.textContent = comment.name.slice(0, 1);
    var main = document.createElement("div");
    main.className = "comment-main";
    var head = document.createElement("div");
    head.className = "comment-head";
    var who = document.createElement("span");
    who.className = "comment-name";
    who.textContent = comment.name;
    head.appendChild(who);
    if (comment.status === "held") {
      var pending = document.createElement("span");
      pending.className = "comment-pending";
      pending.textContent = ZC.t("审核中", "Awaiting the author's review");
      head.appendChild(pending);
    }
    var text = document.createElement("p");
    text.className = "comment-body";
    text.textContent = comment.body;
    var time = document.createElement("time");
    time.className = "comment-time";
    time.textContent = ZC.t("刚刚", "just now");
    main.appendChild(head); main.appendChild(text); main.appendChild(time);
    item.appendChild(avatar); item.appendChild(main);
    list.insertBefore(item, list.firstChild);
    if (ZC.paintAvatars) ZC.paintAvatars(item);
    var empty = document.querySelector("[data-comments-empty]");
    if (empty) empty.hidden = true;
    // The count is of the comments the list shows, the writer's held ones among them.
    document.querySelectorAll("[data-comment-count]").forEach(function (counter) {
      var value = (parseInt(counter.getAttribute("data-comment-count"), 10) || 0) + 1;
      counter.setAttribute("data-comment-count", value);
      counter.textContent = ZC.count(value);
    });
  }

  // Quantity picker: − and + within 1 and the input's max.
  document.querySelectorAll("[data-buy-box]").forEach(function (box) {
    var input = box.querySelector("input[name=quantity]");
    var steps = box.querySelectorAll(".quantity-step");
    function clamp() {
      var max = parseInt(input.max, 10) || 1;
      var value = Math.max(1, Math.min(max, parseInt(input.value, 10) || 1));
      if (String(value) !== input.value) input.value = value;
      steps[0].disabled = value <= 1;
      steps[1].disabled = value >= max;
    }
    steps.forEach(function (step) {
      step.addEventListener("click", function () {
        input.value = (parseInt(input.value, 10) || 1) + parseInt(step.getAttribute("data-step"), 10);
        clamp();
      });
    });
    input.addEventListener("change", clamp);
    input.addEventListener("input", function () { if (input.value) clamp(); });
  });
})();
