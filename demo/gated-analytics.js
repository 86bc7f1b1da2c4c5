// Crumb demo: an external page script gated behind analytics consent (<script type="text/plain" data-consent src>).
window.crumbDemo.log('external-analytics');
