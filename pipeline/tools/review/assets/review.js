// The review site's script: sorting and filtering the review lists, reviewers' corrections kept in
// this browser (localStorage) and saved as a corrections file, and the speaker search. It reads the
// page's data-* attributes and writes text only through textContent: article text is never HTML here.
"use strict";
(function () {
  // One key per article: STORE + article id, under the site's own id (assets/site.js), so that two
  // sites opened from file:// in one browser never share corrections.
  var STORE = "pipeline-review:" + (window.PIPELINE_SITE || "site") + ":";
  var FORMAT = "pipeline-review-corrections";

  function load(id) {
    try { return JSON.parse(window.localStorage.getItem(STORE + id) || "null"); } catch (e) { return null; }
  }
  function keys() {
    var found = [];
    for (var i = 0; i < window.localStorage.length; i++) {
      var key = window.localStorage.key(i);
      if (key && key.indexOf(STORE) === 0) { found.push(key.slice(STORE.length)); }
    }
    return found.sort();
  }
  function all(selector, root) { return Array.prototype.slice.call((root || document).querySelectorAll(selector)); }
  function data(el, name) { return el.getAttribute("data-" + name); }
  function json(el, name) { var v = data(el, name); return v ? JSON.parse(v) : null; }
  // Corrections are kept by offsets, not ids: a re-run renumbers quotes but keeps their places.
  function place(row) { return data(row, "start") + "-" + data(row, "end"); }

  // ---- an article page ------------------------------------------------------------------------
  function articlePage(body) {
    var id = data(body, "article");
    var saved = load(id);
    if (saved && saved.sha256 !== data(body, "sha256")) { saved = null; }  // the text changed: start over
    var verdicts = {};
    if (saved) {
      saved.quotes.forEach(function (q) { verdicts["q" + q.start + "-" + q.end] = q; });
      saved.claims.forEach(function (c) { verdicts["n" + c.start + "-" + c.end] = c; });
    }
    all("tr[data-row=quote]").forEach(function (row) {
      var was = verdicts["q" + place(row)];
      if (was) { setVerdict(row, was.verdict); if (was.corrected_speaker) { showSpeaker(row, was.corrected_speaker); } }
      all("button[data-verdict]", row).forEach(function (b) {
        b.addEventListener("click", function () { toggle(row, b); save(body); });
      });
      var input = row.querySelector("input.speaker-fix");
      input.addEventListener("change", function () {
        row.setAttribute("data-fixed", input.value.trim());
        if (input.value.trim() && !data(row, "verdict")) { setVerdict(row, "right"); }
        save(body);
      });
    });
    all("tr[data-row=claim]").forEach(function (row) {
      var was = verdicts["n" + place(row)];
      if (was) { setVerdict(row, was.verdict); }
      all("button[data-verdict]", row).forEach(function (b) {
        b.addEventListener("click", function () { toggle(row, b); save(body); });
      });
    });
    all("button[data-action=reviewed]").forEach(function (b) {
      showReviewed(b, Boolean(saved && saved.reviewed));
      b.addEventListener("click", function () {
        showReviewed(b, data(b, "reviewed") !== "true");
        save(body);
      });
    });
    count(body);
    listControls();
  }
  // Only an article marked reviewed becomes gold; within it, rows left unmarked are accepted.
  function showReviewed(button, on) {
    button.setAttribute("data-reviewed", String(on));
    button.setAttribute("aria-pressed", String(on));
    button.textContent = on ? "✓ article reviewed (click to undo)" : "Mark this article reviewed";
  }
  function reviewed() {
    var b = document.querySelector("button[data-action=reviewed]");
    return Boolean(b && data(b, "reviewed") === "true");
  }

  function setVerdict(row, verdict) {
    if (verdict) { row.setAttribute("data-verdict", verdict); } else { row.removeAttribute("data-verdict"); }
    row.classList.toggle("marked-right", verdict === "right");
    row.classList.toggle("marked-wrong", verdict === "wrong");
    all("button[data-verdict]", row).forEach(function (b) {
      b.setAttribute("aria-pressed", String(data(b, "verdict") === verdict));
    });
  }
  function toggle(row, button) {
    var verdict = data(button, "verdict");
    setVerdict(row, data(row, "verdict") === verdict ? null : verdict);
  }
  function showSpeaker(row, speaker) {
    var input = row.querySelector("input.speaker-fix");
    input.value = speaker.name === null ? "(nobody)" : speaker.name;
    row.setAttribute("data-fixed", input.value);
  }

  // The article as the reviewer sees it now: every finding, each with its verdict (null: not marked).
  function record(body) {
    var known = {};
    all("#speaker-names option").forEach(function (o) { known[o.value] = data(o, "type"); });
    var quotes = all("tr[data-row=quote]").map(function (row) {
      var fixed = data(row, "fixed");
      var corrected = null;
      if (fixed === "(nobody)") { corrected = {name: null, type: null}; }
      else if (fixed) { corrected = {name: fixed, type: known[fixed] || "UNKNOWN"}; }
      return {
        start: Number(data(row, "start")), end: Number(data(row, "end")), kind: data(row, "kind"),
        text: json(row, "pieces"), speaker: json(row, "speaker"),
        verdict: data(row, "verdict"), corrected_speaker: corrected
      };
    });
    var claims = all("tr[data-row=claim]").map(function (row) {
      var claim = json(row, "claim");
      claim.verdict = data(row, "verdict");
      return claim;
    });
    return {
      id: data(body, "article"), sha256: data(body, "sha256"), source: json(body, "source"),
      title: json(body, "title"), author: json(body, "author"), published: json(body, "published"),
      reviewed: reviewed(), quotes: quotes, claims: claims
    };
  }
  function marked(rec) {
    return rec.quotes.filter(function (q) { return q.verdict || q.corrected_speaker; }).length +
      rec.claims.filter(function (c) { return c.verdict; }).length;
  }
  function save(body) {
    var rec = record(body);
    if (marked(rec) || rec.reviewed) { window.localStorage.setItem(STORE + rec.id, JSON.stringify(rec)); }
    else { window.localStorage.removeItem(STORE + rec.id); }
    count(body);
  }
  function count(body) {
    var here = load(data(body, "article"));
    all(".marked-here").forEach(function (el) { el.textContent = String(here ? marked(here) : 0); });
    all(".marked-articles").forEach(function (el) { el.textContent = String(keys().length); });
  }

  // ---- every page: the corrections file ----------------------------------------------------------
  function corrections() {
    return {
      format: FORMAT, version: 2, saved: new Date().toISOString(),
      articles: keys().map(load).filter(function (r) { return r; })
    };
  }
  function download() {
    var blob = new Blob([JSON.stringify(corrections(), null, 1) + "\n"], {type: "application/json"});
    var link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = "corrections.json";
    document.body.appendChild(link);
    link.click();
    link.remove();
  }
  function clearAll() {
    if (!window.confirm("Forget every correction saved in this browser?")) { return; }
    keys().forEach(function (id) { window.localStorage.removeItem(STORE + id); });
    window.location.reload();
  }

  // ---- sorting and filtering a review list -------------------------------------------------------
  function listControls() {
    all("[data-list-controls]").forEach(function (box) {
      var table = document.getElementById(data(box, "list-controls"));
      var rows = all("tbody tr", table);
      var sort = box.querySelector("select[name=sort]");
      var filters = all("select[data-filter], input[data-filter]", box);
      function apply() {
        var order = rows.slice();
        var key = sort ? sort.value : "position";
        order.sort(function (a, b) {
          var x = data(a, key), y = data(b, key);
          var nx = Number(x), ny = Number(y);
          var c = (!isNaN(nx) && !isNaN(ny)) ? nx - ny : String(x).localeCompare(String(y));
          return c || Number(data(a, "position")) - Number(data(b, "position"));
        });
        var body = table.querySelector("tbody");
        order.forEach(function (row) { body.appendChild(row); });
        rows.forEach(function (row) {
          row.hidden = !filters.every(function (f) {
            var want = f.value.trim().toLowerCase();
            var have = String(data(row, data(f, "filter")) || "").toLowerCase();
            // A list is picked from (exact: "direct" is not "indirect"); a box is typed into (any part).
            return !want || (f.tagName === "SELECT" ? have === want : have.indexOf(want) !== -1);
          });
        });
      }
      if (sort) { sort.addEventListener("change", apply); }
      filters.forEach(function (f) { f.addEventListener("input", apply); f.addEventListener("change", apply); });
      apply();
    });
  }

  // ---- the speaker search over the whole corpus ------------------------------------------------
  function speakerSearch(box) {
    var index = window.PIPELINE_SPEAKERS || [];
    var input = box.querySelector("input");
    var out = document.getElementById("speaker-results");
    function show() {
      var want = input.value.trim().toLowerCase();
      out.textContent = "";
      if (want.length < 2) { return; }
      var shown = 0;
      index.forEach(function (s) {  // [name, type, quotes, speaker page or "", [[article page, quote id, words], ...]]
        if (shown >= 50 || s[0].toLowerCase().indexOf(want) === -1) { return; }
        shown += 1;
        var item = document.createElement("li");
        var head = document.createElement(s[3] ? "a" : "strong");
        if (s[3]) { head.href = s[3]; }
        head.textContent = s[0] + " (" + s[1] + ", " + s[2] + " quotes)";
        item.appendChild(head);
        var list = document.createElement("ul");
        s[4].forEach(function (ref) {
          var li = document.createElement("li");
          var a = document.createElement("a");
          a.href = "articles/" + ref[0] + "#" + ref[1];
          a.textContent = ref[2];
          li.appendChild(a);
          list.appendChild(li);
        });
        item.appendChild(list);
        out.appendChild(item);
      });
      if (!shown) { out.textContent = "No speaker matches."; }
    }
    input.addEventListener("input", show);
    var asked = new URLSearchParams(window.location.search).get("q");
    if (asked) { input.value = asked; }
    show();
  }

  // Going to a row (#q7) brings its words into view in the text beside it, which scrolls on its own.
  function showInText() {
    var row = window.location.hash ? document.getElementById(window.location.hash.slice(1)) : null;
    var mark = row && data(row, "row") ? document.getElementById("t-" + row.id) : null;
    var panel = mark ? mark.closest("section") : null;
    if (panel) { panel.scrollTop += mark.getBoundingClientRect().top - panel.getBoundingClientRect().top - 80; }
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.documentElement.classList.add("js");
    var body = document.body;
    if (data(body, "article")) {
      articlePage(body);
      showInText();
      window.addEventListener("hashchange", showInText);
    } else { listControls(); count(body); }
    all("button[data-action=download]").forEach(function (b) { b.addEventListener("click", download); });
    all("button[data-action=clear]").forEach(function (b) { b.addEventListener("click", clearAll); });
    var search = document.getElementById("speaker-search");
    if (search) { speakerSearch(search); }
  });
})();
