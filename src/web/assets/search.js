// Search as you type: suggestions under the header's search box, with country and region, for keyboard and
// pointer. Without this script the box is a plain GET form to /search.
/* global document, window, fetch, AbortController, URLSearchParams */

const input = document.getElementById('site-search');
const list = document.getElementById('site-search-list');
let items = [];
let active = -1;
let pending;
let timer;

function close() {
  list.hidden = true;
  list.replaceChildren();
  input.setAttribute('aria-expanded', 'false');
  input.removeAttribute('aria-activedescendant');
  items = [];
  active = -1;
}

function highlight(index) {
  active = index;
  [...list.children].forEach((li, i) => li.setAttribute('aria-selected', String(i === index)));
  if (index < 0) input.removeAttribute('aria-activedescendant');
  else {
    input.setAttribute('aria-activedescendant', list.children[index].id);
    list.children[index].scrollIntoView({ block: 'nearest' });
  }
}

function go(item) {
  window.location.assign(`/places/${encodeURIComponent(item.key)}`);
}

function show(suggestions) {
  items = suggestions;
  list.replaceChildren(
    ...suggestions.map((s, i) => {
      const li = document.createElement('li');
      li.id = `site-search-option-${i}`;
      li.setAttribute('role', 'option');
      li.setAttribute('aria-selected', 'false');
      const name = document.createElement('span');
      name.textContent = s.matched ? `${s.name} (${s.matched})` : s.name;
      const where = document.createElement('span');
      where.className = 'where';
      where.textContent = [s.region, s.country].filter(Boolean).join(', ') || 'no country';
      li.append(name, where);
      li.addEventListener('mousedown', (event) => {
        event.preventDefault();
        go(s);
      });
      return li;
    }),
  );
  list.hidden = suggestions.length === 0;
  input.setAttribute('aria-expanded', String(suggestions.length > 0));
  active = -1;
}

async function suggest() {
  const text = input.value.trim();
  pending?.abort();
  if (text === '') return close();
  pending = new AbortController();
  try {
    const response = await fetch(`/suggest?${new URLSearchParams({ q: text })}`, { signal: pending.signal });
    if (response.ok) show(await response.json());
  } catch (error) {
    if (error.name !== 'AbortError') close();
  }
}

if (input && list) {
  input.addEventListener('input', () => {
    window.clearTimeout(timer);
    timer = window.setTimeout(suggest, 30);
  });
  input.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown' && items.length > 0) {
      event.preventDefault();
      highlight((active + 1) % items.length);
    } else if (event.key === 'ArrowUp' && items.length > 0) {
      event.preventDefault();
      highlight(active <= 0 ? items.length - 1 : active - 1);
    } else if (event.key === 'Enter' && active >= 0) {
      event.preventDefault();
      go(items[active]);
    } else if (event.key === 'Escape') {
      if (!list.hidden) event.preventDefault();
      close();
    }
  });
  input.addEventListener('blur', () => window.setTimeout(close, 150));
}
