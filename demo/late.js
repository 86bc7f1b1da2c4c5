// Crumb demo: adds a "comments widget" with gated content after the page has loaded, built with createElement.
(() => {
  let count = 0;
  // The page's nonce, read from this script's own tag: a gated inline script carries it, as any inline script must
  // under a policy without 'strict-dynamic' (Crumb never lends its own; without one it warns).
  const nonce = document.currentScript?.nonce ?? '';
  const gatedScript = (consent, { src, code }) => {
    const script = document.createElement('script');
    script.type = 'text/plain';
    script.setAttribute('data-consent', consent);
    // Through the page's own Trusted Types policy (demo/trusted.js).
    if (src) script.src = window.crumbDemoTrusted.scriptUrl(src);
    if (code) {
      script.text = window.crumbDemoTrusted.script(code);
      script.nonce = nonce;
    }
    return script;
  };

  function loadComments() {
    count += 1;
    const section = document.createElement('section');
    section.className = 'comments';
    const title = document.createElement('h2');
    title.textContent = `Comments (batch ${count})`;
    const video = document.createElement('iframe');
    video.className = 'embed';
    video.title = `Video reply ${count}`;
    video.setAttribute('data-consent', 'marketing');
    video.setAttribute('data-src', `https://www.youtube-nocookie.com/embed/reply-${count}`);
    section.append(
      title,
      gatedScript('analytics', { src: '/gated-analytics.js' }),
      gatedScript('analytics', { code: `window.crumbDemo.log('late-inline-${count}');` }),
      video,
    );
    document.getElementById('comments').append(section);
  }

  document.getElementById('load-comments').addEventListener('click', loadComments);
})();
