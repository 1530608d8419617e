// jobbmatch: small enhancements. Every page works without this script; it only makes
// reordering wishes and finding words quicker.
"use strict";

function announce(text) {
  const status = document.getElementById("status");
  if (status) {
    status.innerHTML = "";
    const p = document.createElement("p");
    p.className = "status";
    p.textContent = text;
    status.appendChild(p);
  }
}

// Wishes are ranked by their order: number them 1, 2, 3 … as they stand.
function renumberWishes(list) {
  let rank = 0;
  for (const row of list.querySelectorAll(".criterion")) {
    const wish = row.querySelector("input[type=radio][value=adjustable]");
    const rankInput = row.querySelector("input[data-rank]");
    if (!rankInput) continue;
    if (wish && wish.checked) {
      rank += 1;
      rankInput.value = String(rank);
    }
  }
}

function setUpReordering() {
  const list = document.getElementById("criteria");
  if (!list) return;
  list.addEventListener("click", (event) => {
    const button = event.target.closest("button[data-move]");
    if (!button) return;
    event.preventDefault();
    const row = button.closest(".criterion");
    const sibling = button.dataset.move === "up" ? row.previousElementSibling : row.nextElementSibling;
    if (!sibling || !sibling.classList.contains("criterion")) return;
    if (button.dataset.move === "up") list.insertBefore(row, sibling);
    else list.insertBefore(sibling, row);
    renumberWishes(list);
    button.focus();
    const name = row.querySelector("input[data-value]");
    announce(`«${name ? name.value : "Kriteriet"}» er flyttet ${button.dataset.move === "up" ? "opp" : "ned"}.`);
  });
  list.addEventListener("change", (event) => {
    if (event.target.matches("input[type=radio]")) {
      const row = event.target.closest(".criterion");
      row.classList.toggle("must", event.target.value === "must" && event.target.checked);
      renumberWishes(list);
    }
  });
}

function setUpSuggestions() {
  for (const input of document.querySelectorAll("input[data-suggest]")) {
    const list = document.getElementById(input.getAttribute("list"));
    if (!list) continue;
    let timer = null;
    input.addEventListener("input", () => {
      clearTimeout(timer);
      const prefix = input.value.trim();
      if (prefix.length < 2) return;
      timer = setTimeout(async () => {
        try {
          const response = await fetch(`/v1/vocabulary?prefix=${encodeURIComponent(prefix)}&limit=8`, {
            credentials: "same-origin",
          });
          if (!response.ok) return;
          const body = await response.json();
          list.innerHTML = "";
          for (const suggestion of body.suggestions) {
            const option = document.createElement("option");
            option.value = suggestion.text;
            list.appendChild(option);
          }
        } catch (_) {
          // Suggestions are a convenience; typing still works.
        }
      }, 200);
    });
  }
}

document.addEventListener("DOMContentLoaded", () => {
  setUpReordering();
  setUpSuggestions();
});
