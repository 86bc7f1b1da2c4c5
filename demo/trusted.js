// Crumb demo: the site's own Trusted Types policy, "crumb-demo", as a site under require-trusted-types-for 'script'
// needs one for the script elements its own code builds (gated ones included: Crumb activates them through its own
// policy, "crumb", but the page must be allowed to create them in the first place). Where the browser has no Trusted
// Types, plain strings.
window.crumbDemoTrusted = (() => {
  const policy = window.trustedTypes?.createPolicy('crumb-demo', {
    createScript: (code) => code,
    createScriptURL: (url) => url,
  });
  return {
    script: (code) => (policy ? policy.createScript(code) : code),
    scriptUrl: (url) => (policy ? policy.createScriptURL(url) : url),
    /** A live-DOM copy of a script element from a template, built through the policy. */
    copyScript(old) {
      const script = document.createElement('script');
      for (const { name, value } of old.attributes) if (name !== 'src') script.setAttribute(name, value);
      if (old.hasAttribute('src')) script.src = this.scriptUrl(old.getAttribute('src'));
      else script.text = this.script(old.text);
      if (old.nonce) script.nonce = old.nonce;
      return script;
    },
  };
})();
