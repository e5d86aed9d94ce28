// Progressive enhancement only: every page works without this script.
document.addEventListener("click", async (event) => {
  const copy = event.target.closest("[data-copy]");
  if (copy) {
    event.preventDefault();
    await navigator.clipboard?.writeText(copy.dataset.copy);
    copy.textContent = "Copied";
    setTimeout(() => (copy.textContent = "Copy"), 1500);
  }
});

// Buttons with data-confirm ask before they submit, in a dialog (the manual's confirmation dialogs).
document.addEventListener("submit", (event) => {
  const button = event.submitter;
  if (!button?.dataset.confirm || button.dataset.confirmed) return;
  event.preventDefault();
  const dialog = document.getElementById("confirm");
  dialog.querySelector("[data-message]").textContent = button.dataset.confirm;
  dialog.querySelector("[data-yes]").textContent = button.textContent.trim();
  dialog.returnValue = "";
  dialog.onclose = () => {
    if (dialog.returnValue === "yes") {
      button.dataset.confirmed = "true";
      button.click();
    }
  };
  dialog.showModal();
});

// A filter's value field shows only for operators that take a value.
function syncValueFields(root) {
  root.querySelectorAll("[data-operator]").forEach((select) => {
    const takesValue = select.selectedOptions[0]?.dataset.takesValue === "true";
    const field = select.closest(".criterion")?.querySelector("[data-value-field]");
    if (field) field.hidden = !takesValue;
  });
}
document.addEventListener("change", (event) => {
  if (event.target.matches("[data-operator]")) syncValueFields(document);
  if (event.target.matches("[data-action]")) {
    document.querySelectorAll("[data-attributes-of]").forEach((list) => (list.hidden = list.dataset.attributesOf !== event.target.value));
  }
});
document.addEventListener("DOMContentLoaded", () => syncValueFields(document));
