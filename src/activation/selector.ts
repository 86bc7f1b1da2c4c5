/** Gated markup: `<script type="text/plain" data-consent>` and `<iframe data-consent data-src>`. */
export const GATED = 'script[type="text/plain"][data-consent],iframe[data-consent][data-src]';
