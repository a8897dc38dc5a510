// The delegates' page on their phones: the programme with planned and expected times and the current step, and the
// published results, the congress documents. Only what the hall is shown.
"use strict";

function drawPhone(view) {
  Hall.setText("title", view.title);
  Hall.setText("programme-head", view.texts.programme);
  Hall.setText("results-head", view.texts.results);
  const list = document.getElementById("programme");
  list.replaceChildren();
  for (const row of view.programme) {
    const item = Hall.el("li", `step ${row.status}`);
    item.appendChild(Hall.el("span", "step-no", row.no));
    item.appendChild(Hall.el("span", "step-title", row.title));
    const times = Hall.el("span", "step-times");
    times.appendChild(Hall.el("span", "planned", `${view.texts.planned} ${row.planned || "—"}`));
    const when = row.status === "current" ? `${view.texts.now} ${row.actual}`
      : row.status === "done" ? `${view.texts.held} ${row.actual}`
      : row.expected ? `${view.texts.expected} ${row.expected}` : "";
    if (when) times.appendChild(Hall.el("span", "expected", when));
    item.appendChild(times);
    list.appendChild(item);
  }
  const current = list.querySelector(".current");
  const results = document.getElementById("results");
  results.replaceChildren();
  if (!view.results.length) results.appendChild(Hall.el("p", "none", view.texts.no_results));
  for (const result of view.results) results.appendChild(Hall.resultBars(result));
  drawDocuments(view);
  if (current && !drawPhone.scrolled) { current.scrollIntoView({ block: "center" }); drawPhone.scrolled = true; }
}

// the congress documents declared in the scenario, each served by its id alone: read in the browser, or saved
function drawDocuments(view) {
  const section = document.getElementById("documents");
  section.hidden = !view.documents.length;
  Hall.setText("documents-head", view.texts.documents);
  const list = document.getElementById("document-list");
  list.replaceChildren();
  for (const doc of view.documents) {
    const item = Hall.el("li", "document");
    const read = Hall.el("a", "document-title", doc.title);
    read.href = `/documents/${encodeURIComponent(doc.id)}`;
    const save = Hall.el("a", "document-save", view.texts.download);
    save.href = read.href;
    save.setAttribute("download", "");
    item.append(read, save);
    list.appendChild(item);
  }
}

Hall.start(drawPhone, null);
