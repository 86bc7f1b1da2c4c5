// Crumb demo: shows the consent receipts this browser's decisions sent, as the demo server stored them
// (GET /api/receipts?for=…). Plain browser JS, no dependencies; builds DOM with createElement/textContent only.
(() => {
  const ENDPOINT = '/api/receipts?limit=5';
  // The consent IDs this browser has seen, kept across pages (a demo key, not Crumb's).
  const KNOWN = 'crumb-demo-consent-ids';
  const known = () => {
    try {
      return JSON.parse(localStorage.getItem(KNOWN) || '[]');
    } catch {
      return [];
    }
  };
  const remember = (id) => {
    if (!id) return;
    try {
      localStorage.setItem(KNOWN, JSON.stringify([...new Set([...known(), id])].slice(-20)));
    } catch {
      // No storage here (a sandboxed frame): the panel shows what this page decided only.
    }
  };
  const REFRESH_DELAY_MS = 300; // the beacon is sent with the decision; give it a moment to land
  const CATEGORIES = ['necessary', 'analytics', 'marketing'];

  const el = (tag, props = {}, text) => {
    const node = Object.assign(document.createElement(tag), props);
    if (text !== undefined) node.textContent = text;
    return node;
  };

  // Use the panel from the page's HTML, or build one in the sidebar under the tracker log.
  let panel = document.getElementById('receipts-log');
  if (!panel) {
    panel = el('section', { id: 'receipts-log', className: 'panel' });
    panel.setAttribute('aria-labelledby', 'receipts-log-title');
    panel.append(el('h2', { id: 'receipts-log-title' }, 'Consent receipts'));
    (document.querySelector('.sidebar') || document.querySelector('main') || document.body).append(panel);
  }
  const list = panel.querySelector('.receipt-list') || panel.appendChild(el('ol', { className: 'receipt-list' }));
  const empty = panel.querySelector('.receipt-empty') || panel.appendChild(el('p', { className: 'receipt-empty' }));

  const text = (value) => (value === undefined || value === null || value === '' ? '—' : String(value));

  function formatTime(iso) {
    const date = new Date(iso);
    return Number.isNaN(date.getTime()) ? text(iso) : date.toLocaleString();
  }

  function renderReceipt(receipt) {
    const item = el('li');
    item.dataset.type = text(receipt.type);
    const head = el('div');
    head.append(el('span', { className: 'receipt-type' }, text(receipt.type)), ` · ${text(receipt.source)}`);
    const time = el('time', { className: 'receipt-line' }, formatTime(receipt.time));
    time.dateTime = text(receipt.time);
    const categories = receipt.categories && typeof receipt.categories === 'object' ? receipt.categories : {};
    const granted = CATEGORIES.filter((name) => categories[name] === true);
    const refused = CATEGORIES.filter((name) => categories[name] !== true);
    const summary = [
      granted.length && `granted: ${granted.join(', ')}`,
      refused.length && `refused: ${refused.join(', ')}`,
    ]
      .filter(Boolean)
      .join('; ');
    item.append(
      head,
      time,
      el('span', { className: 'receipt-line' }, summary),
      el('span', { className: 'receipt-id' }, `ID ${text(receipt.id)}`),
    );
    return item;
  }

  function showMessage(message) {
    list.replaceChildren();
    empty.textContent = message;
    empty.hidden = false;
  }

  let generation = 0;
  async function refresh() {
    const mine = ++generation;
    let receipts;
    try {
      const ids = known();
      if (ids.length === 0) return showMessage('No receipt sent from this browser yet. Make a choice in the banner.');
      const url = `${ENDPOINT}&for=${encodeURIComponent(ids.join(','))}`;
      const response = await fetch(url, { cache: 'no-store', headers: { accept: 'application/json' } });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      receipts = (await response.json()).receipts;
      if (!Array.isArray(receipts)) throw new Error('unexpected answer');
    } catch (err) {
      if (mine === generation) showMessage(`Could not load receipts (${err.message}); is demo/server.mjs serving?`);
      return;
    }
    if (mine !== generation) return; // a later refresh started meanwhile
    if (receipts.length === 0) return showMessage('No receipt stored yet for this browser.');
    list.replaceChildren(...receipts.filter((r) => r && typeof r === 'object').map(renderReceipt));
    empty.hidden = true;
  }

  let timer;
  const refreshSoon = () => {
    clearTimeout(timer);
    timer = setTimeout(refresh, REFRESH_DELAY_MS);
  };

  const seen = (event) => {
    remember(event.detail?.id);
    refreshSoon();
  };
  refresh();
  window.addEventListener('crumb:change', seen);
  // A decision made just before a reload (a withdrawal reloads the page) may land after the first refresh.
  window.addEventListener('crumb:ready', seen);
})();
