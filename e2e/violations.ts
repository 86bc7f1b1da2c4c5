/** Helpers for the hostile-page specs: Content-Security-Policy violations as the page itself sees them. */
import type { BrowserContext, Frame, Page } from '@playwright/test';

/**
 * Records every `securitypolicyviolation` event in every frame of the context, from before the first script runs,
 * as `directive blocked-uri source:line sample`. Read them with `violations(page)`.
 */
export async function watchViolations(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const list: string[] = [];
    Object.defineProperty(window, '__cspViolations', { value: list });
    document.addEventListener('securitypolicyviolation', (e) => {
      list.push(`${e.effectiveDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber} ${e.sample}`);
    });
  });
}

/** The violations recorded so far in a page or frame. */
export const violations = (target: Page | Frame): Promise<string[]> =>
  target.evaluate(() => [...((window as any).__cspViolations ?? ['the violation listener is missing'])]);
