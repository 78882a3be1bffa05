// The page of a report being produced asks for itself again every few seconds and puts the new
// progress in place (an aria-live region, so the change is read out), until the report is ready
// or has failed. A file of its own: the Content-Security-Policy refuses inline scripts. Without
// scripts the page has a link to look again.
const box = document.getElementById("report-progress");
const FINISHED = ["ready", "failed"];
let wait = 2000;

async function look() {
  try {
    const response = await fetch(window.location.href, { cache: "no-store", credentials: "same-origin" });
    if (response.ok) {
      const page = new DOMParser().parseFromString(await response.text(), "text/html");
      const fresh = page.getElementById("report-progress");
      if (fresh && fresh.dataset.reportState !== box.dataset.reportState) {
        box.innerHTML = fresh.innerHTML;
        box.dataset.reportState = fresh.dataset.reportState;
      }
    }
  } catch (error) {
    // The server is restarting or the network dropped: look again, a little later.
  }
  if (!FINISHED.includes(box.dataset.reportState)) {
    wait = Math.min(wait * 1.5, 15000);
    window.setTimeout(look, wait);
  }
}

if (box && !FINISHED.includes(box.dataset.reportState)) {
  window.setTimeout(look, wait);
}
