// The locality page's suggested partners, put in place once the server has ranked them: the page is sent
// without waiting for that. Without this script the section links to the same panel as a page of its own.
/* global document, fetch */

const section = document.getElementById('suggestions-panel');

async function load() {
  section.setAttribute('aria-busy', 'true');
  const response = await fetch(section.dataset.panel, { headers: { accept: 'text/html' } });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  const panel = document.createRange().createContextualFragment(await response.text());
  section.replaceWith(panel);
}

if (section?.dataset.panel) {
  load().catch(() => {
    // The link to the page of its own stays: the reader can still open the suggestions there.
    section.removeAttribute('aria-busy');
  });
}
