// The hall's pages: one stream of server-sent events (/events) carries the hall's view as JSON; the page counts the
// timers on by itself from the state they were sent in, so the digits tick with no traffic. User text is always
// set with textContent, never as HTML.
"use strict";

const Hall = (() => {
  let skew = 0;  // server's clock minus this browser's, in ms, as of the last view
  let view = null;

  function el(tag, cls, text) {
    const node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined && text !== null) node.textContent = String(text).normalize("NFC");
    return node;
  }

  function setText(id, text) {
    const node = document.getElementById(id);
    if (node) node.textContent = (text || "").normalize("NFC");
  }

  function now() { return Date.now() + skew; }

  // a timer's elapsed seconds now, from its state when the view was computed
  function elapsed(timer) {
    return timer.elapsed + (timer.paused ? 0 : Math.max(0, now() - view.now) / 1000);
  }

  function mmss(seconds) {
    seconds = Math.floor(Math.abs(seconds));
    const h = Math.floor(seconds / 3600), m = Math.floor((seconds % 3600) / 60), s = seconds % 60;
    const two = (n) => String(n).padStart(2, "0");
    return h ? `${h}:${two(m)}:${two(s)}` : `${two(m)}:${two(s)}`;
  }

  // what a timer's digits say and its phase: calm, warning (the last 20%), overtime
  function countdown(timer) {
    const done = elapsed(timer);
    if (!timer.allotted) return { text: mmss(done), phase: "calm" };
    const left = timer.allotted - done;
    const phase = done >= timer.allotted ? "overtime" : done >= view.warning_share * timer.allotted ? "warning" : "calm";
    return { text: (left < 0 ? "+" : "") + mmss(left), phase };
  }

  function clock() {
    const local = new Date(now() + view.zone * 60000);
    const two = (n) => String(n).padStart(2, "0");
    return `${two(local.getUTCHours())}:${two(local.getUTCMinutes())}:${two(local.getUTCSeconds())}`;
  }

  // what the chair put on a screen: null, {blank}, or {text, flashing}
  function shown(screen) {
    const s = view.hall[screen];
    if (!s) return null;
    return { blank: s.blank, text: s.text, flashing: s.flash_until > now() };
  }

  function resultBars(result) {
    const box = el("div", "result");
    box.appendChild(el("div", "result-title", result.title));
    box.appendChild(el("div", "result-head", result.head));
    const line = result.d ? (100 * result.needed) / result.d : 100;
    for (const c of result.candidates) {
      const row = el("div", "bar-row" + (c.elected ? " elected" : c.tied ? " tied" : ""));
      row.appendChild(el("span", "bar-name", `${c.no}. ${c.name}`));
      const bar = el("span", "bar");
      const fill = el("span", "bar-fill");
      fill.style.width = `${result.d ? Math.min(100, (100 * c.votes) / result.d) : 0}%`;
      const needed = el("span", "bar-needed");
      needed.style.left = `${Math.min(100, line)}%`;
      bar.append(fill, needed);
      row.appendChild(bar);
      row.appendChild(el("span", "bar-figures", `${c.votes} · ${c.percent}%`));
      row.appendChild(el("span", "bar-mark", c.elected ? `✓ ${view.texts.elected}` : c.tied ? `= ${view.texts.tied}` : ""));
      box.appendChild(row);
    }
    return box;
  }

  function start(draw, tick) {
    let source = null;
    const offline = document.getElementById("offline");
    function connect() {
      source = new EventSource("/events");
      source.onmessage = (message) => {
        view = JSON.parse(message.data);
        skew = view.now - Date.now();
        document.documentElement.lang = view.lang;
        document.title = view.title.normalize("NFC");
        if (offline) offline.hidden = true;
        draw(view);
        if (tick) tick(view);
      };
      source.onerror = () => {
        if (offline && view) { offline.textContent = view.texts.offline; offline.hidden = false; }
      };
    }
    connect();
    if (tick) setInterval(() => { if (view) tick(view); }, 200);
  }

  return { el, setText, elapsed, countdown, clock, shown, resultBars, start, mmss };
})();
