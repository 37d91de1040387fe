// Monitoring page: refresh the figures in place. Without JavaScript the page is complete and a
// reload updates it. Refreshes carry a header so they do not keep an idle session alive.
const figures = document.getElementById("monitoring-figures");
const status = document.getElementById("monitoring-status");

async function refresh() {
  try {
    const reply = await fetch(window.location.href, {
      headers: { "X-Care-Voices-Refresh": "1" },
      credentials: "same-origin",
      redirect: "error",
    });
    if (!reply.ok) return;
    const page = new DOMParser().parseFromString(await reply.text(), "text/html");
    const fresh = page.getElementById("monitoring-figures");
    if (!fresh) return;
    figures.innerHTML = fresh.innerHTML;
    const time = new Date().toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
    status.textContent = `${status.dataset.updatedText} ${time}`;
  } catch {
    // Signed out or offline: leave the last figures showing.
  }
}

if (figures && status) {
  const seconds = Number(figures.dataset.refreshSeconds) || 30;
  window.setInterval(refresh, seconds * 1000);
}
