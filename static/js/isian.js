// Keyboard movement in the planners' grid. Saving is htmx (hx-post on change); this only moves
// the focus like a spreadsheet: Enter / ArrowDown to the same column in the next row that has
// an input there, Shift+Enter / ArrowUp to the row above, ArrowLeft / ArrowRight to the
// neighbouring cell when the caret is at the edge of the text. Tab is the browser's own.
(function () {
  "use strict";

  // Visual column of a cell, counting the colspans before it.
  function kolom(td) {
    let c = 0;
    for (let s = td.previousElementSibling; s; s = s.previousElementSibling) c += s.colSpan || 1;
    return c;
  }

  function inputDi(tr, col) {
    let c = 0;
    for (const td of tr.children) {
      const lebar = td.colSpan || 1;
      if (col >= c && col < c + lebar) return td.querySelector(".sel input, .atr input");
      c += lebar;
    }
    return null;
  }

  function vertikal(input, arah) {
    const td = input.closest("td");
    const col = kolom(td);
    let tr = td.parentElement;
    while ((tr = arah > 0 ? tr.nextElementSibling : tr.previousElementSibling)) {
      const target = inputDi(tr, col);
      if (target) return target;
    }
    return null;
  }

  function horizontal(input, arah) {
    const semua = Array.from(input.closest("tr").querySelectorAll(".sel input, .atr input"));
    return semua[semua.indexOf(input) + arah] || null;
  }

  document.addEventListener("keydown", function (e) {
    const el = e.target;
    if (!(el instanceof HTMLInputElement) || !el.closest(".isian-grid")) return;
    if (el.type === "hidden") return;
    let target = null;
    if (e.key === "Enter" || e.key === "ArrowDown") {
      target = vertikal(el, e.key === "Enter" && e.shiftKey ? -1 : 1);
      if (e.key === "Enter" && !target) {
        // Last row: still commit the value.
        el.dispatchEvent(new Event("change", { bubbles: true }));
        e.preventDefault();
        return;
      }
    } else if (e.key === "ArrowUp") {
      target = vertikal(el, -1);
    } else if (e.key === "ArrowRight" && el.selectionStart === el.value.length && el.selectionEnd === el.value.length) {
      target = horizontal(el, 1);
    } else if (e.key === "ArrowLeft" && el.selectionStart === 0 && el.selectionEnd === 0) {
      target = horizontal(el, -1);
    } else if (e.key === "Escape") {
      el.value = el.defaultValue; // undo the typing in this cell
      return;
    }
    if (target) {
      e.preventDefault();
      target.focus();
      target.select();
    }
  });
})();
