/**
 * Helpers for the accessibility, keyboard, language and isolation specs: axe-core runs, colour contrast from
 * computed styles, the focused element inside the shadow root, and a style/box snapshot of the whole widget.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from '@playwright/test';
import { ALL_TRACKERS } from './crumb';
import { type CrumbPageOptions, pageWithCrumb } from './fixtures';

/** The WCAG 2.2 AA rule set plus axe's best practices. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

/**
 * axe-core violations as `rule: selector — summary` lines (empty when there are none), shadow roots included.
 * Measured once the widget's entrance animations are over: colours mid-fade are not what visitors read.
 */
export async function axeViolations(page: Page, include?: string): Promise<string[]> {
  await animationsDone(page);
  // axe-core itself, put in the page once and run there (the pages tested have no frames of their own). The
  // Playwright wrapper (`@axe-core/playwright`) opens a blank page for every run to merge its frames' results: 2–5 s
  // a run on this machine, against 0.1–0.2 s.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource());
  const { violations } = await page.evaluate(
    ([selector, tags]) => {
      const { axe } = window as unknown as { axe: { run: typeof import('axe-core').run } };
      return axe.run(selector ? { include: [[selector]] } : document, {
        runOnly: { type: 'tag', values: tags },
        iframes: false,
      });
    },
    [include ?? '', AXE_TAGS] as const,
  );
  return violations.flatMap((v) =>
    v.nodes.map((n) => `${v.id}: ${JSON.stringify(n.target)} — ${n.failureSummary?.split('\n')[1]?.trim() ?? v.help}`),
  );
}

let source: string | undefined;
/** axe-core's browser build, read once per worker. */
const axeSource = (): string =>
  (source ??= readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8'));

/** The script attributes of the demo pages: four trackers and a policy link. */
export const DEMO_ATTRS = {
  ...ALL_TRACKERS,
  'data-policy-url': '/privacy.html',
  'data-revision': '2026-11-01',
} as const;

/** A small but valid page (one `<main>` with an `<h1>`), with Crumb configured as on the demo pages. */
export function minimalPage(page: Page, options: CrumbPageOptions = {}): Promise<string> {
  return pageWithCrumb(page, {
    attrs: DEMO_ATTRS,
    body: '<main><h1>Minimal page</h1><p>Some text and <a href="#top">a link</a>.</p></main>',
    ...options,
  });
}

/** Waits until every running animation of the widget (entrances of the banner and dialog) has finished. */
export function animationsDone(page: Page): Promise<unknown> {
  return page.evaluate(() =>
    Promise.all(
      (document.getElementById('crumb')?.shadowRoot?.getAnimations() ?? []).map((a) => a.finished.catch(() => a)),
    ),
  );
}

/** What has focus, looking into shadow roots: `tag "name"`, and whether it is inside Crumb's widget. */
export function focused(page: Page): Promise<{ label: string; inWidget: boolean; inDialog: boolean }> {
  return page.evaluate(() => {
    let el = document.activeElement as HTMLElement | null;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement as HTMLElement;
    if (!el) return { label: 'nothing', inWidget: false, inDialog: false };
    const name =
      el.getAttribute('aria-label') ?? (el.closest('label')?.textContent || el.textContent || '').trim().slice(0, 60);
    const host = (el.getRootNode() as ShadowRoot).host;
    return {
      label: `${el.tagName.toLowerCase()}${el.getAttribute('role') ? `[${el.getAttribute('role')}]` : ''} "${name}"`,
      inWidget: host?.id === 'crumb',
      inDialog: !!el.closest('dialog'),
    };
  });
}

/**
 * Contrast ratios from computed styles, checked in the page (colours go through a canvas, so every CSS colour
 * syntax — rgb(), color(srgb …), color-mix() results — is read the same way; translucent layers are composited).
 * Returns one line per control: `label: kind ratio`.
 */
export function nonTextContrast(page: Page, rootSelector: string): Promise<{ label: string; ratio: number }[]> {
  return page.evaluate((sel) => {
    const ctx = document.createElement('canvas').getContext('2d', { willReadFrequently: true })!;
    const rgba = (css: string): number[] => {
      ctx.clearRect(0, 0, 1, 1);
      ctx.fillStyle = '#000';
      ctx.fillStyle = css;
      ctx.fillRect(0, 0, 1, 1);
      const [r, g, b, a] = ctx.getImageData(0, 0, 1, 1).data;
      return [r, g, b, a / 255];
    };
    const over = (top: number[], under: number[]) =>
      top.slice(0, 3).map((c, i) => c * top[3] + under[i] * (1 - top[3]));
    const parentOf = (el: Element) => el.parentElement ?? ((el.getRootNode() as ShadowRoot).host as Element | null);
    /** The colour behind an element: its ancestors' backgrounds composited, white at the bottom. */
    const behind = (el: Element): number[] => {
      const layers: number[][] = [];
      for (let p = parentOf(el); p; p = parentOf(p)) {
        const c = rgba(getComputedStyle(p).backgroundColor);
        if (c[3] > 0) layers.push(c);
        if (c[3] >= 1) break;
      }
      return layers.reduceRight((acc, layer) => over(layer, acc), [255, 255, 255]);
    };
    const lum = (c: number[]) =>
      c
        .slice(0, 3)
        .map((v) => v / 255)
        .map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4))
        .reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i], 0);
    const ratio = (a: number[], b: number[]) => {
      const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
      return Math.round(((hi + 0.05) / (lo + 0.05)) * 100) / 100;
    };
    const root = document.getElementById('crumb')!.shadowRoot!.querySelector(sel)!;
    const out: { label: string; ratio: number }[] = [];
    for (const el of root.querySelectorAll<HTMLElement>('button, input:not(:disabled)')) {
      const s = getComputedStyle(el);
      const name = el.getAttribute('aria-label') ?? (el.closest('label')?.textContent || el.textContent || '').trim();
      const bg = behind(el);
      const border = Number.parseFloat(s.borderTopWidth) >= 1 ? rgba(s.borderTopColor) : rgba(s.backgroundColor);
      // The visible edge of the control: its border, else its fill.
      out.push({ label: `${name} edge`, ratio: ratio(over(border, bg), bg) });
      if (el.matches('input[role="switch"]')) {
        // The switch's knob against its track.
        const knob = rgba(getComputedStyle(el, '::before').backgroundColor);
        const track = over(rgba(s.backgroundColor), bg);
        out.push({ label: `${name} knob`, ratio: ratio(over(knob, track), track) });
      }
    }
    return out;
  }, rootSelector);
}

/** Contrast of the focus outline of the focused control against what is behind it; width and style too. */
export function focusRing(page: Page): Promise<{ label: string; ratio: number; width: number; style: string }> {
  return page.evaluate(() => {
    let el = document.activeElement as HTMLElement | null;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement as HTMLElement;
    const ctx = document.createElement('canvas').getContext('2d', { willReadFrequently: true })!;
    const rgba = (css: string): number[] => {
      ctx.clearRect(0, 0, 1, 1);
      ctx.fillStyle = '#000';
      ctx.fillStyle = css;
      ctx.fillRect(0, 0, 1, 1);
      return [...ctx.getImageData(0, 0, 1, 1).data];
    };
    const parentOf = (n: Element) => n.parentElement ?? ((n.getRootNode() as ShadowRoot).host as Element | null);
    let bg = [255, 255, 255, 255];
    for (let p = el ? parentOf(el) : null; p; p = parentOf(p)) {
      const c = rgba(getComputedStyle(p).backgroundColor);
      if (c[3] === 255) {
        bg = c;
        break;
      }
    }
    const s = getComputedStyle(el!);
    const ring = rgba(s.outlineColor);
    const lum = (c: number[]) =>
      c
        .slice(0, 3)
        .map((v) => v / 255)
        .map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4))
        .reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i], 0);
    const [hi, lo] = [lum(ring), lum(bg)].sort((x, y) => y - x);
    return {
      label: `${el!.tagName.toLowerCase()} "${(el!.getAttribute('aria-label') ?? el!.textContent ?? '').trim()}"`,
      ratio: Math.round(((hi + 0.05) / (lo + 0.05)) * 100) / 100,
      width: Number.parseFloat(s.outlineWidth),
      style: s.outlineStyle,
    };
  });
}

/** Computed styles compared between pages by the isolation spec. */
const SNAPSHOT_PROPS = [
  'display',
  'position',
  'visibility',
  'opacity',
  'font-family',
  'font-size',
  'font-weight',
  'font-style',
  'line-height',
  'letter-spacing',
  'word-spacing',
  'text-transform',
  'text-align',
  'text-indent',
  'direction',
  'color',
  'background-color',
  'border-top-width',
  'border-top-color',
  'border-top-left-radius',
  'padding-top',
  'padding-left',
  'margin-top',
  'margin-left',
  'box-sizing',
  'outline-style',
  'cursor',
  'appearance',
  'filter',
  'transform',
  'zoom',
  'transition-duration',
] as const;

/**
 * Every element of the widget's shadow tree, in order: a path, its box (rounded to 1/100 px) and the computed styles
 * above; plus the host's own display and the dialog's backdrop.
 */
export function widgetSnapshot(page: Page): Promise<Record<string, string>> {
  return page.evaluate((props) => {
    const host = document.getElementById('crumb')!;
    const out: Record<string, string> = { host: getComputedStyle(host).display };
    const r = (n: number) => Math.round(n * 100) / 100;
    host.shadowRoot!.querySelectorAll('*').forEach((el, i) => {
      const box = el.getBoundingClientRect();
      const s = getComputedStyle(el);
      const cls = el.getAttribute('class');
      const key = `${i} ${el.tagName.toLowerCase()}${cls ? `.${cls.replace(/ /g, '.')}` : ''}`;
      out[key] = [
        `${r(box.x)},${r(box.y)} ${r(box.width)}×${r(box.height)}`,
        ...props.map((p) => s.getPropertyValue(p)),
      ]
        .join(' | ')
        .replace(/\s+/g, ' ');
      if (el.tagName === 'DIALOG') out[`${key}::backdrop`] = getComputedStyle(el, '::backdrop').backgroundColor;
    });
    return out;
  }, SNAPSHOT_PROPS);
}
