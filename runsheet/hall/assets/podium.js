// The podium's page, facing the speaker: the speech's countdown (or the step's) as large as the screen allows, and
// the chair's message in a band beneath it.
"use strict";

function drawPodium(view) {
  Hall.setText("podium-label", view.speech ? view.speech.name : view.headline);
}

function tickPodium(view) {
  const timer = view.speech || view.step;
  const digits = document.getElementById("timer");
  digits.hidden = !timer;
  if (timer) {
    const shown = Hall.countdown(timer);
    digits.textContent = shown.text;
    digits.dataset.phase = timer.paused ? "paused" : shown.phase;
    digits.classList.toggle("long", shown.text.length > 5);
  }
  const shown = Hall.shown("podium");
  const message = document.getElementById("message");
  document.getElementById("blank").hidden = !(shown && shown.blank);
  message.hidden = !(shown && !shown.blank);
  message.textContent = shown && !shown.blank ? shown.text.normalize("NFC") : "";
  message.classList.toggle("flash", !!(shown && shown.flashing));
  document.body.classList.toggle("messaged", !message.hidden);  // a band: the countdown stays in sight above it
}

Hall.start(drawPodium, tickPodium);
