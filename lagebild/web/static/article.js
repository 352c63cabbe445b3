// Article page: clicking (or Enter/Space on) a quote highlights that quote, its speaker and its
// cue in the text, the quote's table row, and fills the info box. The page reads without this.
(function () {
  "use strict";
  var text = document.getElementById("article-text");
  if (!text) return;
  var info = document.getElementById("quote-info");

  function clear() {
    document.querySelectorAll(".active").forEach(function (el) {
      if (!el.closest(".legend")) el.classList.remove("active");
    });
    document.querySelectorAll('[data-quote][aria-pressed="true"]').forEach(function (el) {
      el.setAttribute("aria-pressed", "false");
    });
  }

  function activate(qid) {
    clear();
    text.querySelectorAll('[data-quote="' + qid + '"]').forEach(function (el) {
      el.classList.add("active");
      if (el.hasAttribute("aria-pressed")) el.setAttribute("aria-pressed", "true");
    });
    text.querySelectorAll(".speaker[data-of], .cue[data-of]").forEach(function (el) {
      if (el.getAttribute("data-of").split(" ").indexOf(qid) >= 0) el.classList.add("active");
    });
    var row = document.querySelector('[data-quote-row="' + qid + '"]');
    if (row) row.classList.add("active");
    if (info && row) {
      info.hidden = false;
      info.querySelector('[data-field="speaker"]').textContent = row.dataset.speaker || "–";
      info.querySelector('[data-field="cue"]').textContent = row.dataset.cue || "–";
      info.querySelector('[data-field="kind"]').textContent = row.dataset.kind || "–";
    }
    document.body.dataset.activeQuote = qid;
  }

  function fromEvent(event) {
    var el = event.target.closest ? event.target.closest("[data-quote]") : null;
    return el ? el.getAttribute("data-quote") : null;
  }

  text.addEventListener("click", function (event) {
    var qid = fromEvent(event);
    if (!qid) return;
    if (document.body.dataset.activeQuote === qid) {
      clear();
      delete document.body.dataset.activeQuote;
      if (info) info.hidden = true;
      return;
    }
    activate(qid);
  });
  text.addEventListener("keydown", function (event) {
    if (event.key !== "Enter" && event.key !== " ") return;
    var qid = fromEvent(event);
    if (!qid) return;
    event.preventDefault();
    activate(qid);
  });
  document.querySelectorAll("[data-quote-row]").forEach(function (row) {
    row.addEventListener("click", function () {
      var qid = row.getAttribute("data-quote-row");
      activate(qid);
      var first = text.querySelector('[data-quote="' + qid + '"]');
      if (first && first.scrollIntoView) first.scrollIntoView({ block: "center", behavior: "smooth" });
    });
  });
})();
