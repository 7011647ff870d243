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

  // One view per page: a photo note's at once; a video note's when the reader leaves, hides
  // the page or watches to the end, with the seconds actually played (seeking adds nothing).
  if (noteId) {
    var video = page.querySelector("video");
    if (!video) {
      ZC.send({ note_id: noteId, kind: "view" });
    } else {
      var duration = parseFloat(page.getAttribute("data-duration")) || 0;
      var watched = 0, last = null, sent = false;
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
      var report = function (beacon) {
        if (sent) return;
        sent = true;
        var length = duration || video.duration || 0;
        var seconds = Math.floor(length ? Math.min(watched, length) : watched);
        var event = { note_id: noteId, kind: "view", value: seconds };
        if (length && watched >= length * 0.9) event.completed = true;
        ZC.send(event, !beacon);
        if (beacon) ZC.flush(true);
      };
      video.addEventListener("ended", function () { report(false); });
      document.addEventListener("visibilitychange", function () {
        if (document.visibilityState === "hidden") report(true);
      });
      window.addEventListener("pagehide", function () { report(true); });
    }
  }

  // Product cards count a click on the way to the product's page.
  document.addEventListener("click", function (event) {
    var card = event.target.closest && event.target.closest("[data-product-click]");
    if (card && noteId) {
      ZC.send({ note_id: noteId, kind: "product_click", product_id: card.getAttribute("data-product-click") }, true);
    }
  });

  // Share: the link on the clipboard, or shown selected where the clipboard is closed to us.
  var shareBox = document.querySelector("[data-share-box]");
  document.querySelectorAll("[data-share]").forEach(function (button) {
    button.addEventListener("click", function () {
      var url = location.origin + "/note/" + button.getAttribute("data-share");
      ZC.send({ note_id: button.getAttribute("data-share"), kind: "share" }, true);
      var fallback = function () {
        if (!shareBox) return;
        var input = shareBox.querySelector("input");
        input.value = url;
        shareBox.hidden = false;
        input.focus();
        input.select();
      };
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(url).then(function () {
          ZC.toast(ZC.t("链接已复制，快去分享吧", "Link copied — share it anywhere"));
        }, fallback);
      } else {
        fallback();
      }
    });
  });

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
    avatar.setAttribute("data-seed", comment.id);
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
    if (comment.status !== "held") {
      document.querySelectorAll("[data-comment-count]").forEach(function (counter) {
        var value = (parseInt(counter.getAttribute("data-comment-count"), 10) || 0) + 1;
        counter.setAttribute("data-comment-count", value);
        counter.textContent = ZC.count(value);
      });
    }
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
