// dossier review screen: keyboard review, decisions without reloading, rebuild progress.
// Bundled with the application; no framework, no build step. Every source value is
// inserted as text (textContent), never as HTML.
"use strict";

(function () {
  const csrf = document.body.dataset.csrf;

  function items() { return Array.from(document.querySelectorAll("[data-item]")); }
  let current = -1;

  function select(index) {
    const all = items();
    if (all.length === 0) { return; }
    index = Math.max(0, Math.min(all.length - 1, index));
    if (current >= 0 && current < all.length) { all[current].classList.remove("current"); }
    current = index;
    all[current].classList.add("current");
    all[current].focus({ preventScroll: true });
    all[current].scrollIntoView({ block: "nearest" });
  }

  function currentItem() {
    const all = items();
    return current >= 0 && current < all.length ? all[current] : null;
  }

  async function post(form, submitter) {
    const data = new FormData(form);
    if (submitter && submitter.name) { data.set(submitter.name, submitter.value); }
    // form.action would be the input named "action": read the attribute itself
    const response = await fetch(form.getAttribute("action"), {
      method: "POST",
      body: data,
      headers: { "Accept": "application/json", "X-CSRF-Token": csrf },
      credentials: "same-origin",
    });
    let body = {};
    try { body = await response.json(); } catch (e) { body = { error: "unexpected answer from the server" }; }
    return { ok: response.ok, status: response.status, body: body };
  }

  function refuse(article, message) {
    const box = article.querySelector("[data-refusal]");
    if (box) { box.textContent = message; box.hidden = false; }
  }

  async function decide(form, submitter) {
    const article = form.closest("[data-item]");
    const result = await post(form, submitter);
    if (!article) { return; }
    if (!result.ok) { refuse(article, result.body.error || ("refused (" + result.status + ")")); return; }
    const box = article.querySelector("[data-refusal]");
    if (box) { box.hidden = true; }
    const d = result.body;
    const decision = article.querySelector("[data-decision]");
    if (d.status !== undefined) {
      article.classList.remove("status-unreviewed", "status-accepted", "status-rejected");
      article.classList.add("status-" + d.status, "pending", "decided-now");
      const status = article.querySelector("[data-status]");
      if (status) { status.textContent = d.status; }
      if (decision) {
        let text = "Decision on file: " + d.status;
        if (d.category) { text += ", category " + d.category; }
        if (d.part) { text += ", part " + d.part; }
        if (d.note) { text += ", note \u201c" + d.note + "\u201d"; }
        decision.textContent = text + " \u2014 " + d.user + ", " + d.at + " (rebuild to apply)";
        decision.hidden = false;
      }
    } else if (decision) {
      decision.textContent = "Recorded: " + (d.decision || "split") + " (applied on the next rebuild)";
      decision.hidden = false;
      article.classList.add("decided-now");
    }
    recount();
    const index = items().indexOf(article);
    if (index >= 0) { select(index + 1); }
  }

  // The counts at the top follow the decisions made on this page (when it lists every item).
  function recount() {
    if (!document.querySelector("[data-all-items]")) { return; }
    for (const status of ["accepted", "unreviewed", "rejected"]) {
      const count = document.querySelector("[data-count='" + status + "']");
      if (count) { count.textContent = String(document.querySelectorAll("article.item.status-" + status).length); }
    }
  }

  document.addEventListener("submit", function (event) {
    const form = event.target;
    if (form.matches("[data-decide], [data-decide-pair]")) {
      event.preventDefault();
      decide(form, event.submitter);
    } else if (form.matches("[data-rebuild]")) {
      event.preventDefault();
      rebuild(form);
    }
  });

  document.addEventListener("change", function (event) {
    const el = event.target;
    const filters = el.closest("[data-autosubmit]");
    if (filters) { filters.submit(); }
  });

  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey) { return; }
    const el = event.target;
    const typing = el.matches("input[type=text], textarea");
    const choosing = el.matches("select");
    if (event.key === "Escape") {
      if (typing || choosing) { el.blur(); const item = currentItem(); if (item) { item.focus(); } }
      return;
    }
    if (choosing && event.key === "Enter") {
      event.preventDefault();
      el.form.requestSubmit();
      return;
    }
    if (typing || choosing) { return; }
    const key = event.key;
    if (key === "j" || key === "ArrowDown") { event.preventDefault(); select(current + 1); return; }
    if (key === "k" || key === "ArrowUp") { event.preventDefault(); select(current - 1); return; }
    const item = currentItem();
    if (!item) { return; }
    const control = item.querySelector("[data-key='" + key + "']");
    if (!control) { return; }
    event.preventDefault();
    if (control.matches("button")) {
      control.form.requestSubmit(control);
    } else {
      control.focus();
    }
  });

  document.addEventListener("click", function (event) {
    const button = event.target.closest("[data-confirm]");
    if (button && !window.confirm(button.dataset.confirm)) { event.preventDefault(); }
    const article = event.target.closest("[data-item]");
    if (article) {
      const index = items().indexOf(article);
      if (index >= 0 && index !== current) { select(index); }
    }
  });

  // Rebuild with progress; on a target page the new PDF then opens in the page.
  async function rebuild(form) {
    const button = form.querySelector("button");
    const status = document.getElementById("rebuild-status");
    const bar = document.getElementById("rebuild-progress");
    button.disabled = true;
    const result = await post(form, null);
    if (!result.ok) { status.textContent = result.body.error || "rebuild refused"; button.disabled = false; return; }
    poll(result.body.run);
  }

  async function poll(run) {
    const status = document.getElementById("rebuild-status");
    const bar = document.getElementById("rebuild-progress");
    const button = document.getElementById("rebuild-button");
    const response = await fetch("/rebuild/status", { headers: { "Accept": "application/json" } });
    const s = await response.json();
    if (s.state === "running") {
      status.textContent = "Rebuilding: " + s.stage + (s.total ? " (" + s.done + "/" + s.total + ")" : "") + "\u2026";
      bar.hidden = false;
      if (s.total) { bar.max = s.total; bar.value = s.done; } else { bar.removeAttribute("value"); }
      window.setTimeout(function () { poll(run); }, 400);
      return;
    }
    bar.hidden = true;
    button.disabled = false;
    if (s.state === "failed") { status.textContent = "Rebuild failed: " + s.message; return; }
    status.textContent = "Rebuilt. " + s.message;
    const dossier = document.getElementById("dossier");
    // Reload so every item shows what the new build holds, with the new PDF open.
    const url = new URL(window.location.href);
    url.searchParams.set("rebuilt", String(s.run));
    url.hash = dossier ? "dossier" : "";
    window.location.assign(url.toString());
  }

  function loadPdf(panel) {
    const frame = panel.querySelector("iframe[data-src]");
    if (frame && !frame.getAttribute("src")) { frame.setAttribute("src", frame.dataset.src); }
  }

  window.addEventListener("DOMContentLoaded", function () {
    const panel = document.getElementById("dossier");
    if (panel) {
      if (panel.open) { loadPdf(panel); }
      panel.addEventListener("toggle", function () { if (panel.open) { loadPdf(panel); } });
    }
    const status = document.getElementById("rebuild-status");
    if (status && document.getElementById("rebuild-button").disabled) { poll(0); }
    if (window.location.hash.startsWith("#evidence-")) {
      const target = document.getElementById(window.location.hash.slice(1));
      const index = items().indexOf(target);
      if (index >= 0) { select(index); }
    }
  });
})();
