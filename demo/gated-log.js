// Crumb demo: the gated page scripts of the demo pages call `crumbDemo.log('name')` when consent lets them run;
// this lists them in #gated-log. Loaded before Crumb (not deferred), so it exists whenever a gated script runs.
// Plain browser JS; builds DOM with createElement/textContent only (the CSP pages enforce Trusted Types).
(() => {
  const ran = [];
  const render = () => {
    const list = document.getElementById('gated-log');
    if (!list) return;
    list.replaceChildren(
      ...ran.map((name) => {
        const item = document.createElement('li');
        item.textContent = name;
        return item;
      }),
    );
    const empty = document.getElementById('gated-empty');
    if (empty) empty.hidden = ran.length > 0;
  };
  window.crumbDemo = {
    ran,
    log(name) {
      ran.push(String(name));
      render();
    },
  };
  document.addEventListener('DOMContentLoaded', render);
})();
