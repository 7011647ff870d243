// What a reader does with a button, on any page that includes this after common.js:
//   <button class="react" data-react="like|collect" data-note="{id}" data-on="0|1">
//     <span class="react-count">N</span></button>
//   <button class="btn follow" data-follow="{account id}" data-note="{note id or ''}" data-on="0|1">
//   <button data-buy="{product id}" data-note="{note id or ''}"> inside [data-buy-box] with an
//     input[name=quantity]; [data-stock] shows the stock left, [data-order-done] (in the box)
//     the receipt.
// The button changes at once and settles on the server's answer; a refusal puts it back and
// says why. Elements [data-followers="{account id}"] show an account's followers.
(function () {
  "use strict";
  var ZC = window.ZC;
  if (!ZC) return;

  // Counts as the platform writes them (1.2万, 12k); the exact number stays in data-count.
  ZC.count = function (n) {
    if (ZC.zh) {
      if (n >= 1e8) return trim(n / 1e8) + "亿";
      if (n >= 1e4) return trim(n / 1e4) + "万";
      return String(n);
    }
    if (n >= 1e9) return trim(n / 1e9) + "B";
    if (n >= 1e6) return trim(n / 1e6) + "M";
    if (n >= 1e4) return trim(n / 1e3) + "k";
    return n.toLocaleString("en");
  };
  function trim(x) { return x.toFixed(1).replace(/\.0$/, ""); }

  var MESSAGES = {
    "reader.unknown": ["请刷新页面后再操作", "Open the page again to take part"],
    "reader.cross_site": ["请在本站页面上操作", "Do this on the note's own page"],
    "reader.rate_limited": ["操作太频繁了，请稍后再试", "Too many taps — try again in a moment"],
    "reader_comment.rate_limited": ["评论太快了，{retry_after} 秒后再试", "Commenting too fast — try again in {retry_after} s"],
    "reader_comment.empty": ["评论不能为空", "Write something first"],
    "reader_comment.too_long": ["评论最多 {max} 字", "Comments are at most {max} characters"],
    "reader_comment.name_too_long": ["昵称最多 {max} 字", "Names are at most {max} characters"],
    "reader_order.rate_limited": ["下单太频繁了，请稍后再试", "Too many orders — try again later"],
    "reader_order.bad_quantity": ["每次可买 {min}–{max} 件", "You can buy {min}–{max} at a time"],
    "product.sold_out": ["库存不足，仅剩 {stock} 件", "Not enough stock: {stock} left"],
    "product.off_shelf": ["商品已下架", "This product is no longer on sale"],
    "product.not_found": ["商品不存在", "This product no longer exists"],
    "note.not_found": ["笔记不存在或已不公开", "This note no longer exists or is private"],
    "account.not_found": ["账号不存在", "This account no longer exists"]
  };
  // A refusal ({status, code, params}) in the reader's language.
  ZC.explain = function (error) {
    var pair = error && MESSAGES[error.code];
    if (!pair) {
      return error && error.status === 429 ? ZC.t(MESSAGES["reader.rate_limited"][0], MESSAGES["reader.rate_limited"][1])
        : ZC.t("网络开小差了，请稍后再试", "Something went wrong — please try again");
    }
    var params = error.params || {};
    return ZC.t(pair[0], pair[1]).replace(/\{(\w+)\}/g, function (_, key) {
      return params[key] !== undefined ? params[key] : "";
    });
  };

  function setCount(element, value) {
    if (!element) return;
    element.setAttribute("data-count", value);
    element.textContent = ZC.count(value);
  }

  function setReact(button, on, count) {
    button.setAttribute("data-on", on ? "1" : "0");
    button.setAttribute("aria-pressed", on ? "true" : "false");
    button.classList.toggle("on", on);
    setCount(button.querySelector(".react-count"), count);
  }

  function react(button) {
    if (button.getAttribute("aria-busy") === "true") return;
    var kind = button.getAttribute("data-react");
    var note = button.getAttribute("data-note");
    var was = button.getAttribute("data-on") === "1";
    var counter = button.querySelector(".react-count");
    var before = counter ? parseInt(counter.getAttribute("data-count") || counter.textContent, 10) || 0 : 0;
    setReact(button, !was, Math.max(0, before + (was ? -1 : 1)));
    if (!was) { button.classList.remove("pop"); void button.offsetWidth; button.classList.add("pop"); }
    button.setAttribute("aria-busy", "true");
    ZC.post("/api/v1/reader/notes/" + note + "/" + kind, { on: !was }).then(function (answer) {
      setReact(button, answer.on, answer.count);
    }, function (error) {
      setReact(button, was, before);
      ZC.toast(ZC.explain(error));
    }).then(function () { button.removeAttribute("aria-busy"); });
  }

  function setFollow(account, on, count) {
    document.querySelectorAll('[data-follow="' + account + '"]').forEach(function (button) {
      button.setAttribute("data-on", on ? "1" : "0");
      button.classList.toggle("on", on);
      button.classList.toggle("btn-ghost", on);
      button.textContent = on ? ZC.t("已关注", "Following") : ZC.t("关注", "Follow");
    });
    if (count !== undefined) {
      document.querySelectorAll('[data-followers="' + account + '"]').forEach(function (element) {
        setCount(element, count);
      });
    }
  }

  function follow(button) {
    if (button.getAttribute("aria-busy") === "true") return;
    var account = button.getAttribute("data-follow");
    var was = button.getAttribute("data-on") === "1";
    setFollow(account, !was);
    button.setAttribute("aria-busy", "true");
    ZC.post("/api/v1/reader/accounts/" + account + "/follow", {
      on: !was, note_id: button.getAttribute("data-note") || null
    }).then(function (answer) {
      setFollow(account, answer.on, answer.count);
      if (answer.on) ZC.toast(ZC.t("关注成功", "Following"));
    }, function (error) {
      setFollow(account, was);
      ZC.toast(ZC.explain(error));
    }).then(function () { button.removeAttribute("aria-busy"); });
  }

  function buy(button) {
    var box = button.closest("[data-buy-box]") || document;
    var input = box.querySelector("input[name=quantity]");
    var quantity = input ? parseInt(input.value, 10) || 1 : 1;
    var label = button.textContent;
    button.disabled = true;
    button.textContent = ZC.t("下单中…", "Ordering…");
    ZC.post("/api/v1/reader/products/" + button.getAttribute("data-buy") + "/orders", {
      quantity: quantity, note_id: button.getAttribute("data-note") || null
    }).then(function (answer) {
      // The receipt sits in the buy bar (sticky on a phone), where the reader just tapped.
      var done = box.querySelector("[data-order-done]");
      if (done) { done.hidden = false; done.classList.remove("pop"); void done.offsetWidth; done.classList.add("pop"); }
      else ZC.toast(ZC.t("已下单（演示，不扣款）", "Order placed (demo, no payment)"));
      showStock(box, button, answer.stock, label);
    }, function (error) {
      ZC.toast(ZC.explain(error));
      if (error.code === "product.sold_out") showStock(box, button, error.params.stock, label);
      else { button.disabled = false; button.textContent = label; }
    });
  }

  function showStock(box, button, stock, label) {
    var shown = document.querySelector("[data-stock]");
    if (shown) shown.textContent = stock;
    var input = box.querySelector("input[name=quantity]");
    if (input) {
      input.max = Math.max(1, Math.min(5, stock));
      if (parseInt(input.value, 10) > stock) input.value = Math.max(1, stock);
      input.dispatchEvent(new Event("input", { bubbles: true }));
    }
    button.disabled = stock <= 0;
    button.textContent = stock <= 0 ? ZC.t("已售罄", "Sold out") : label;
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("[data-react], [data-follow], [data-buy]");
    if (!button || button.disabled) return;
    event.preventDefault();
    if (button.hasAttribute("data-react")) react(button);
    else if (button.hasAttribute("data-follow")) follow(button);
    else buy(button);
  });
})();
