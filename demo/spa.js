// Crumb demo: a tiny single-page-app router. Links with data-view swap <main id="view"> for a <template>'s content
// and push the address with history.pushState; Back and Forward (popstate) swap it back. No page load happens.
(() => {
  const VIEWS = ['home', 'stats', 'video'];
  const viewOf = (url) => {
    const view = new URL(url, location.href).searchParams.get('view') || 'home';
    return VIEWS.includes(view) ? view : 'home';
  };

  function render(view) {
    const main = document.getElementById('view');
    const template = document.getElementById(`view-${view}`);
    const content = document.importNode(template.content, true);
    // The view's script elements, rebuilt through the page's own Trusted Types policy (demo/trusted.js).
    for (const old of content.querySelectorAll('script')) old.replaceWith(window.crumbDemoTrusted.copyScript(old));
    main.replaceChildren(content);
    main.dataset.view = view;
    for (const link of document.querySelectorAll('a[data-view]')) {
      if (link.dataset.view === view) link.setAttribute('aria-current', 'page');
      else link.removeAttribute('aria-current');
    }
  }

  document.addEventListener('click', (event) => {
    const link = event.target instanceof Element ? event.target.closest('a[data-view]') : null;
    if (!link || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    if (viewOf(link.href) === document.getElementById('view').dataset.view) return;
    history.pushState(null, '', link.href);
    render(viewOf(link.href));
    document.getElementById('view').focus();
  });
  window.addEventListener('popstate', () => render(viewOf(location.href)));
  render(viewOf(location.href));
})();
