// Crumb demo: lists every tracker script the page requests, and the current consent state.
// Plain browser JS, no dependencies; builds DOM with createElement/textContent only.
(() => {
  const VENDORS = {
    'www.googletagmanager.com': 'Google Analytics',
    'connect.facebook.net': 'Meta pixel',
    'static.ads-twitter.com': 'X pixel',
    'lltrck.com': 'LeadLander',
  };
  const STATUS_TEXT = { requested: 'requested…', loaded: 'loaded', failed: 'failed — offline or blocked' };

  const el = (tag, props = {}, text) => {
    const node = Object.assign(document.createElement(tag), props);
    if (text !== undefined) node.textContent = text;
    return node;
  };

  // Use the panel from the page's HTML, or build one in the main column.
  let panel = document.getElementById('tracker-log');
  if (!panel) {
    panel = el('section', { id: 'tracker-log', className: 'panel' });
    panel.setAttribute('aria-labelledby', 'tracker-log-title');
    panel.append(el('h2', { id: 'tracker-log-title' }, 'Tracker requests'));
    (document.querySelector('main') || document.body).append(panel);
  }
  const list = panel.querySelector('.tracker-list') || panel.appendChild(el('ol', { className: 'tracker-list' }));
  const empty = panel.querySelector('.tracker-empty') || panel.appendChild(el('p', { className: 'tracker-empty' }));
  empty.textContent = 'No tracker requested yet.';
  let stateList = document.getElementById('consent-state');
  if (!stateList) {
    panel.append(el('h3', {}, 'Consent state'));
    stateList = panel.appendChild(el('dl', { id: 'consent-state' }));
  }

  const seen = new WeakSet();

  function vendorOf(script) {
    const src = script.getAttribute('src');
    if (!src) return null;
    try {
      const url = new URL(src, document.baseURI);
      return VENDORS[url.hostname] ? { name: VENDORS[url.hostname], url: url.href } : null;
    } catch {
      return null;
    }
  }

  function setStatus(item, status) {
    item.dataset.status = status;
    item.querySelector('.tracker-status').textContent = STATUS_TEXT[status];
  }

  function track(script, alreadyPresent) {
    if (seen.has(script)) return;
    const vendor = vendorOf(script);
    if (!vendor) return;
    seen.add(script);

    // Prefer the browser's own timing for the request; else the moment we saw the element.
    const entry = performance.getEntriesByName(vendor.url, 'resource')[0];
    const ms = Math.round(entry ? entry.startTime : performance.now());

    const item = el('li');
    const head = el('div');
    head.append(el('span', { className: 'tracker-vendor' }, vendor.name), ` · ${ms} ms`);
    item.append(
      head,
      el('span', { className: 'tracker-status' }),
      el('span', { className: 'tracker-url' }, vendor.url),
    );
    setStatus(item, 'requested');
    // A script that was already in the page when this log started may have finished before we listened.
    if (alreadyPresent && entry && entry.responseEnd > 0) setStatus(item, 'loaded');
    script.addEventListener('load', () => setStatus(item, 'loaded'));
    script.addEventListener('error', () => setStatus(item, 'failed'));
    list.append(item);
    empty.hidden = true;
  }

  function scan(node, alreadyPresent) {
    if (node.nodeType !== 1) return;
    if (node.localName === 'script') track(node, alreadyPresent);
    for (const script of node.getElementsByTagName('script')) track(script, alreadyPresent);
  }

  scan(document.documentElement, true);
  new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) scan(node, false);
    }
  }).observe(document.documentElement, { childList: true, subtree: true });

  // Consent state ---------------------------------------------------------

  const yesNo = (value) => (value ? 'granted' : 'refused');
  const crumbApi = () => (window.Crumb && typeof window.Crumb.get === 'function' ? window.Crumb : null);
  let known = false;

  function renderState(state) {
    if (!state || typeof state !== 'object') return;
    known = true;
    const rows = [['Decided', state.decided ? 'yes' : 'no']];
    if (state.decided) rows.push(['Source', String(state.source ?? '—')]);
    const categories = state.categories || {};
    for (const name of ['necessary', 'analytics', 'marketing']) {
      rows.push([name[0].toUpperCase() + name.slice(1), yesNo(categories[name])]);
    }
    const services = Object.entries(state.services || {});
    rows.push([
      'Services',
      services.length ? services.map(([id, on]) => `${id}: ${on ? 'on' : 'off'}`).join(', ') : 'none configured',
    ]);
    if (state.id) rows.push(['Consent ID', String(state.id)]);
    if (state.signals && (state.signals.dnt || state.signals.gpc)) {
      rows.push([
        'Signals',
        [state.signals.dnt && 'Do Not Track', state.signals.gpc && 'GPC'].filter(Boolean).join(', '),
      ]);
    }
    rows.push(['Stored cookie', storedCookie()], ['Stored mirror', storedMirror()]);
    const fragment = document.createDocumentFragment();
    for (const [term, value] of rows) fragment.append(el('dt', {}, term), el('dd', {}, value));
    stateList.replaceChildren(fragment);
  }

  // The stored record as the page sees it (QA panel): `crumb_consent` cookie and its localStorage mirror.
  function storedCookie() {
    try {
      const pair = document.cookie.split('; ').find((c) => c.startsWith('crumb_consent='));
      return pair ? decodeURIComponent(pair.slice('crumb_consent='.length)) : 'none';
    } catch {
      return 'unreadable here';
    }
  }
  function storedMirror() {
    try {
      return window.localStorage.getItem('crumb_consent') ?? 'none';
    } catch {
      return 'unreadable here';
    }
  }

  const onEvent = (event) => renderState(event.detail);
  window.addEventListener('crumb:ready', onEvent);
  window.addEventListener('crumb:change', onEvent);

  // Crumb may have become ready before this deferred script ran; by window load it has run or failed.
  if (crumbApi()) renderState(crumbApi().get());
  window.addEventListener('load', () => {
    if (known) return;
    if (crumbApi()) renderState(crumbApi().get());
    else stateList.replaceChildren(el('dt', {}, 'Status'), el('dd', {}, 'Crumb did not load (run npm run build).'));
  });
})();
