/** Gated markup: `<script type="text/plain" data-consent>` and `<iframe data-consent data-src>`. */
export const GATED = 'script[type="text/plain"][data-consent],iframe[data-consent][data-src]';
/**
 * `data-consent` on markup that is not gated, so it does not wait: a script without `type="text/plain"` (it runs at
 * once), an iframe without `data-src` (with a `src` it loads at once, without one it never does). Crumb's own live
 * copies carry `data-crumb-activated`.
 */
export const MISGATED =
  'script[data-consent]:not([type="text/plain"]):not([data-crumb-activated]),iframe[data-consent]:not([data-src]):not([data-crumb-activated])';
