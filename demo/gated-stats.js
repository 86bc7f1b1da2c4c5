// Crumb demo: a second external page script gated behind analytics consent.
window.crumbDemo.log('external-stats');
