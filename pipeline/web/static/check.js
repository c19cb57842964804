// "Check my text": LIX, Flesch, hard sentences and findings follow the typing.
// No framework: one debounced pair of fetches to the JSON API, the answers written with
// textContent (never as HTML), and one short summary in a polite live region, so a
// screen reader hears the result once the typing pauses, not every keystroke.
"use strict";

(function () {
  const form = document.getElementById("check-form");
  if (!form) return;
  const text = document.getElementById("text");
  const lang = document.getElementById("lang");
  const status = document.getElementById("status");
  const results = document.getElementById("results");
  const t = JSON.parse(form.dataset.texts);
  const top = Number(form.dataset.top);
  const WAIT_MS = 400;
  let timer = null;
  let running = null;

  function el(tag, props, children) {
    const node = document.createElement(tag);
    Object.assign(node, props || {});
    for (const child of children || []) {
      node.append(child);
    }
    return node;
  }

  async function post(url, body, signal) {
    const response = await fetch(url, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body),
      signal: signal,
    });
    const answer = await response.json();
    if (!response.ok) {
      throw new Error(answer.error + (answer.hint ? " (" + answer.hint + ")" : ""));
    }
    // What the check left out ("links ... not checked"), as the CLI says on stderr.
    answer.notes = JSON.parse(response.headers.get("X-Pipeline-Not-Checked") || "[]");
    return answer;
  }

  function band(name) {
    return t["band." + name] || name;
  }

  function metrics(doc) {
    const english = doc.locale.startsWith("en");
    const flesch = doc.flesch !== null ? String(Math.round(doc.flesch))
      : english ? "–" : "– (" + t["check.flesch-da"] + ")";
    const lix = doc.lix === null ? "–" : doc.lix.toFixed(1) + " (" + band(doc.band)
      + (doc.verdict ? "" : "; " + t["check.too-short"]) + ")";
    const rows = [["LIX", lix, "lix"], ["Flesch", flesch, "flesch"],
      [t["check.words"], String(doc.words), ""], [t["check.sentences"], String(doc.sentences), ""]];
    if (doc.other_language_sentences) {  // another language's text has no level in this one
      rows.push([t["check.other-language"], String(doc.other_language_sentences), "other-language"]);
    }
    return el("dl", { className: "metrics" }, rows.map(([term, value, id]) =>
      el("div", {}, [el("dt", { textContent: term }), el("dd", { textContent: value, id: id })])));
  }

  function hardest(doc) {
    if (!doc.hardest.length) {
      return el("p", { id: "hardest", textContent: t["hardest.none"] });
    }
    return el("ol", { id: "hardest", className: "hardest" }, doc.hardest.map((s) =>
      el("li", {}, [
        el("span", { className: "badge", textContent: "LIX " + Math.round(s.lix) }),
        " " + s.words + " " + t["check.words"].toLowerCase() + ": ",
        el("span", { lang: lang.value, textContent: s.text }),
      ])));
  }

  function findings(found) {
    if (!found.length) {
      return el("p", { id: "findings", textContent: t["findings.none"] });
    }
    return el("ul", { id: "findings", className: "findings" }, found.map((f) =>
      el("li", {}, [
        el("span", { className: "sev sev-" + f.severity, textContent: t["sev." + f.severity] }),
        " " + t["line"] + " " + f.line + ": ",
        ...(t["rule." + f.rule] ? [el("strong", { textContent: t["rule." + f.rule] }), " "] : []),
        el("span", { lang: "en", textContent: f.message }),  // the checks write English
        " ",
        el("span", { className: "rule", textContent: "[" + f.rule + "]" }),
      ])));
  }

  function leftOut(notes) {
    if (!notes.length) return [];
    return [el("h3", { textContent: t["check.left-out"] }),
      el("ul", { id: "left-out" }, notes.map((note) => el("li", { lang: "en", textContent: note })))];
  }

  function show(scores, found) {
    const doc = scores.documents[0];
    results.replaceChildren(
      metrics(doc),
      el("h3", { textContent: t["hardest"] }), hardest(doc),
      el("h3", { textContent: t["check.terms"] }), findings(found), ...leftOut(found.notes));
    const lix = doc.lix === null ? "–" : doc.lix.toFixed(1) + " " + band(doc.band);
    status.textContent = "LIX " + lix + ". " + t["findings"] + ": " + found.length + ".";
  }

  async function run() {
    if (running) running.abort();
    if (!text.value.trim()) {
      results.replaceChildren();
      status.textContent = t["check.waiting"];
      return;
    }
    running = new AbortController();
    const body = { text: text.value, lang: lang.value };
    results.setAttribute("aria-busy", "true");
    try {
      const [scores, found] = await Promise.all([
        post("/api/readability", Object.assign({ top: top }, body), running.signal),
        post("/api/check", body, running.signal),
      ]);
      show(scores, found);
    } catch (error) {
      if (error.name === "AbortError") return;
      results.replaceChildren();  // the last text's scores are not this text's
      status.textContent = t["check.failed"] + " " + error.message;
    } finally {
      results.removeAttribute("aria-busy");
    }
  }

  function later() {
    clearTimeout(timer);
    timer = setTimeout(run, WAIT_MS);
  }

  text.addEventListener("input", later);
  lang.addEventListener("change", () => {
    text.lang = lang.value;
    later();
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    clearTimeout(timer);
    run();
  });
  if (text.value.trim()) later();
})();
