// The projector's page: what the terminal's projector screen shows (ui/screens/projector.py), in a browser.
"use strict";

function drawProjector(view) {
  Hall.setText("title", view.title);
  Hall.setText("headline", view.headline);
  Hall.setText("code", view.code);
  const speaker = document.getElementById("speaker");
  speaker.hidden = !view.speech;
  document.body.classList.toggle("speech", !!view.speech);
  if (view.speech) {
    Hall.setText("speaker-label", view.texts.speaking + (view.speech.paused ? ` — ${view.texts.paused}` : ""));
    Hall.setText("speaker-name", view.speech.name);
    Hall.setText("speaker-role", view.speech.title);
  }
  const figures = document.getElementById("figures");
  figures.hidden = !view.figures;
  figures.textContent = (view.figures || "").normalize("NFC");
  const result = document.getElementById("result");
  result.replaceChildren();
  result.hidden = !view.result || !!view.speech;
  if (view.result) result.appendChild(Hall.resultBars(view.result));
  drawIdle(view);
}

const AGENDA_ROWS = 10;  // the steps shown while idle: from the first not yet held

// the idle view, before the congress starts or while its step is paused: the programme and the delegates' QR code
function drawIdle(view) {
  document.body.classList.toggle("idle", !!view.idle && !view.result);
  const idle = document.getElementById("idle");
  idle.hidden = !view.idle;
  if (!view.idle) return;
  document.getElementById("result").hidden = true;
  Hall.setText("scan", view.texts.scan);
  const agenda = document.getElementById("agenda");
  agenda.replaceChildren();
  const first = Math.max(0, view.programme.findIndex((row) => row.status !== "done" && row.status !== "skipped"));
  for (const row of view.programme.slice(first, first + AGENDA_ROWS)) {
    const item = Hall.el("li", `agenda-row ${row.status}`);
    item.appendChild(Hall.el("span", "agenda-time", row.status === "current" ? row.actual : row.expected || row.planned));
    item.appendChild(Hall.el("span", "agenda-title", row.title));
    agenda.appendChild(item);
  }
}

function tickProjector(view) {
  Hall.setText("clock", Hall.clock());
  const timer = view.speech || view.step;
  const digits = document.getElementById("timer");
  digits.hidden = !timer || view.idle;
  if (timer) {
    const shown = Hall.countdown(timer);
    digits.textContent = shown.text;
    digits.dataset.phase = timer.paused ? "paused" : shown.phase;
  }
  const shown = Hall.shown("projector");
  const message = document.getElementById("message");
  document.getElementById("blank").hidden = !(shown && shown.blank);
  message.hidden = !(shown && !shown.blank);
  message.textContent = shown && !shown.blank ? shown.text.normalize("NFC") : "";
  message.classList.toggle("flash", !!(shown && shown.flashing));
}

Hall.start(drawProjector, tickProjector);
