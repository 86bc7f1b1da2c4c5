// @vitest-environment happy-dom
import { fireEvent, screen, within } from '@testing-library/dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createBanner } from '../../src/shell/banner';
import { record } from '../helpers/fixtures';
import { type UiSetup, uiProps } from '../helpers/ui';

const roots: HTMLElement[] = [];
afterEach(() => {
  for (const r of roots.splice(0)) r.remove();
});

/** The banner alone, in a plain element standing in for the shadow root. */
function mountBanner(setup: UiSetup = {}, extra: { reopen?: HTMLElement; intent?: () => void } = {}) {
  const props = uiProps(setup);
  const root = document.createElement('div');
  document.body.appendChild(root);
  roots.push(root);
  const sync = createBanner(
    root as unknown as ShadowRoot,
    props.model,
    props.texts,
    props.config.policyUrl,
    () => extra.reopen ?? null,
    () => props.model.acceptAll('banner'),
    () => props.model.rejectAll('banner'),
    extra.intent ?? (() => {}),
    props.english,
  );
  // As the widget does once the preferences are there: covered while they are open.
  const covered = () => sync(props.model.isOpen());
  props.model.subscribe(covered);
  covered();
  return { ...props, root };
}

describe('banner', () => {
  it('is a region named "Cookie consent" with the three buttons', () => {
    mountBanner();
    const region = screen.getByRole('region', { name: 'Cookie consent' });
    const buttons = within(region).getAllByRole('button');
    expect(buttons.map((b) => b.textContent)).toEqual(['Accept all', 'Reject all', 'Customize']);
    for (const b of buttons) expect(b.getAttribute('type')).toBe('button');
    expect(region.hasAttribute('data-nosnippet')).toBe(true);
    expect(screen.getByRole('heading', { name: 'Your privacy, your choice' })).toBeTruthy();
  });

  it('is not modal and has no dialog semantics', () => {
    mountBanner();
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.getByRole('region').getAttribute('aria-modal')).toBeNull();
  });

  it('shows the policy link only when a policy URL is configured', () => {
    const first = mountBanner();
    expect(within(first.root).queryByRole('link')).toBeNull();
    const second = mountBanner({ config: { policyUrl: '/privacy' } });
    const link = within(second.root).getByRole('link', { name: 'Privacy policy' });
    expect(link.getAttribute('href')).toBe('/privacy');
  });

  it('"Accept all" grants everything, with source banner, and goes', () => {
    const { model } = mountBanner();
    fireEvent.click(screen.getByRole('button', { name: 'Accept all' }));
    expect(model.decision()?.record).toMatchObject({
      source: 'banner',
      categories: { analytics: true, marketing: true },
    });
    expect(screen.queryByRole('region')).toBeNull();
  });

  it('"Reject all" refuses everything, with source banner', () => {
    const { model } = mountBanner();
    fireEvent.click(screen.getByRole('button', { name: 'Reject all' }));
    expect(model.decision()?.record).toMatchObject({
      source: 'banner',
      categories: { analytics: false, marketing: false },
      services: [],
    });
  });

  it('"Customize" opens the preferences without deciding; the banner is then inert and hidden from AT', () => {
    const { model } = mountBanner();
    const region = screen.getByRole('region');
    fireEvent.click(screen.getByRole('button', { name: 'Customize' }));
    expect(model.isOpen()).toBe(true);
    expect(model.decision()).toBeUndefined();
    expect(region.inert).toBe(true);
    expect(region.getAttribute('aria-hidden')).toBe('true');
    model.close();
    expect(region.inert).toBe(false);
    expect(region.hasAttribute('aria-hidden')).toBe(false);
  });

  it('asks for the preferences when the pointer or focus reaches "Customize"', () => {
    const intent = vi.fn();
    mountBanner({}, { intent });
    const customize = screen.getByRole('button', { name: 'Customize' });
    fireEvent.pointerEnter(customize);
    fireEvent.focus(customize);
    expect(intent).toHaveBeenCalledTimes(2);
    fireEvent.focus(screen.getByRole('button', { name: 'Accept all' }));
    expect(intent).toHaveBeenCalledTimes(2);
  });

  it('is not shown after a decision, and comes back after a reset', () => {
    const { model } = mountBanner({ initial: record() });
    expect(screen.queryByRole('region')).toBeNull();
    model.reset();
    expect(screen.getByRole('region', { name: 'Cookie consent' })).toBeTruthy();
  });

  it('gives focus to "Cookie settings" when a decision takes it from the banner, and only then', () => {
    const reopen = document.createElement('button');
    document.body.appendChild(reopen);
    roots.push(reopen);
    const { model } = mountBanner({}, { reopen });
    screen.getByRole('button', { name: 'Reject all' }).focus();
    fireEvent.click(screen.getByRole('button', { name: 'Reject all' }));
    expect(document.activeElement).toBe(reopen);

    const outside = document.createElement('input');
    document.body.appendChild(outside);
    roots.push(outside);
    model.reset();
    outside.focus();
    model.acceptAll('api');
    expect(document.activeElement).toBe(outside);
  });

  it('renders texts as text, never as HTML', () => {
    const html = '<img src=x onerror=alert(1)>';
    const { root } = mountBanner({ overrides: { bannerTitle: html, bannerText: html, acceptAll: `<b>${html}</b>` } });
    expect(screen.getByRole('heading').textContent).toBe(html);
    expect(screen.getByRole('button', { name: `<b>${html}</b>` })).toBeTruthy();
    expect(root.querySelector('img')).toBeNull();
    expect(root.querySelector('b')).toBeNull();
  });

  it('uses overridden names', () => {
    mountBanner({ overrides: { bannerLabel: 'Cookies', acceptAll: 'OK' } });
    const region = screen.getByRole('region', { name: 'Cookies' });
    expect(within(region).getByRole('button', { name: 'OK' })).toBeTruthy();
  });
});
