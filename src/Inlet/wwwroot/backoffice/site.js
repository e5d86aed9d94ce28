// Progressive enhancement only: every page works without this script.
document.addEventListener("click", async (event) => {
  const copy = event.target.closest("[data-copy]");
  if (copy) {
    event.preventDefault();
    try {
      await navigator.clipboard.writeText(copy.dataset.copy);
      copy.textContent = "Copied";
    } catch {
      // No clipboard access (plain HTTP on a LAN): select the text so the user can copy it.
      const text = copy.parentElement.querySelector("code");
      if (text) window.getSelection().selectAllChildren(text);
      copy.textContent = "Press Ctrl+C";
    }
    setTimeout(() => (copy.textContent = "Copy"), 2000);
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

// Webhook editor: the URL follows the endpoint, the To suggestions follow the action, verification shows its own fields.
document.addEventListener("input", (event) => {
  if (!event.target.matches("[data-endpoint]")) return;
  const code = document.querySelector("[data-url]");
  if (!code) return;
  const url = code.dataset.url + (event.target.value.trim() || "{endpoint}");
  code.textContent = url;
  const copy = code.parentElement.querySelector("[data-copy]");
  if (copy) copy.dataset.copy = url;
});
function syncVerification(root) {
  const type = root.querySelector("[data-verification-type]")?.value;
  if (!type) return;
  root.querySelectorAll("[data-verification]").forEach((field) => (field.hidden = !field.dataset.verification.split(" ").includes(type)));
}
document.addEventListener("change", (event) => {
  if (event.target.matches("[data-action]")) {
    document.querySelectorAll("[data-to]").forEach((input) => input.setAttribute("list", "to-" + event.target.value));
  }
  if (event.target.matches("[data-verification-type]")) syncVerification(document);
});
document.addEventListener("DOMContentLoaded", () => syncVerification(document));

// Alert rule form: the threshold and minimum requests show for a failure-rate rule only.
function syncAlertKind(root) {
  const kind = root.querySelector("[data-alert-kind]")?.value;
  if (!kind) return;
  root.querySelectorAll("[data-alert-field]").forEach((field) => (field.hidden = field.dataset.alertField !== kind));
}
document.addEventListener("change", (event) => {
  if (event.target.matches("[data-alert-kind]")) syncAlertKind(document);
});
document.addEventListener("DOMContentLoaded", () => syncAlertKind(document));
