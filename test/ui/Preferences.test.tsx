// @vitest-environment happy-dom
import { act, fireEvent, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { Service } from '../../src/consent/categories';
import { FB, GA, record } from '../helpers/fixtures';
import { mountUi, type UiSetup, unmountUi } from '../helpers/ui';

afterEach(unmountUi);

/** Renders the whole widget with the preferences open, as `Crumb.open()` does. */
function openPreferences(setup: UiSetup = {}) {
  const props = mountUi(setup);
  act(() => props.model.open());
  const dialog = screen.getByRole('dialog', { name: 'Privacy preferences' });
  return { ...props, container: props.root, dialog };
}

const checkbox = (dialog: HTMLElement, name: string) =>
  within(dialog).getByRole('checkbox', { name }) as HTMLInputElement;
const toggle = (dialog: HTMLElement, name: string) => within(dialog).getByRole('switch', { name }) as HTMLInputElement;

describe('Preferences: structure', () => {
  it('is a modal dialog named "Privacy preferences", open', () => {
    const { dialog } = openPreferences();
    expect(dialog.tagName).toBe('DIALOG');
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    expect((dialog as HTMLDialogElement).open || dialog.hasAttribute('open')).toBe(true);
    expect(dialog.hasAttribute('data-nosnippet')).toBe(true);
  });

  it('has the category checkboxes: Necessary checked and disabled, Analytics and Marketing free', () => {
    const { dialog } = openPreferences();
    const necessary = checkbox(dialog, 'Necessary');
    expect(necessary.checked).toBe(true);
    expect(necessary.disabled).toBe(true);
    for (const name of ['Analytics', 'Marketing']) {
      expect(checkbox(dialog, name).disabled).toBe(false);
    }
    expect(within(dialog).getAllByRole('checkbox')).toHaveLength(3);
  });

  it('has a switch per present service, named by the service', () => {
    const { dialog } = openPreferences();
    expect(
      within(dialog)
        .getAllByRole('switch')
        .map((s) => s.closest('label')?.textContent),
    ).toEqual(['Google Analytics', 'LeadLander', 'X (Twitter)', 'Facebook']);
  });

  it('has switches only for the services the site has, custom ones included', () => {
    const chat: Service = { id: 'chat', name: 'Live chat', category: 'marketing', cookies: ['chat_id'] };
    const { dialog } = openPreferences({ services: [FB, chat] });
    expect(within(dialog).queryByRole('switch', { name: 'Google Analytics' })).toBeNull();
    expect(toggle(dialog, 'Facebook')).toBeTruthy();
    expect(toggle(dialog, 'Live chat')).toBeTruthy();
  });

  it('ticks nothing for a new visitor', () => {
    const { dialog } = openPreferences();
    expect(checkbox(dialog, 'Analytics').checked).toBe(false);
    expect(checkbox(dialog, 'Marketing').checked).toBe(false);
    for (const s of within(dialog).getAllByRole('switch') as HTMLInputElement[]) {
      expect(s.checked).toBe(false);
    }
  });

  it('gives the switches their state natively only: no aria-checked on a checkbox (ARIA in HTML)', () => {
    const { dialog } = openPreferences({ initial: record({ services: ['facebook'] }) });
    const switches = within(dialog).getAllByRole('switch') as HTMLInputElement[];
    expect(switches.some((s) => s.checked)).toBe(true);
    fireEvent.click(toggle(dialog, 'Google Analytics'));
    for (const s of switches) expect(s.hasAttribute('aria-checked'), s.outerHTML).toBe(false);
  });

  it('starts from the stored decision', () => {
    const { dialog } = openPreferences({
      initial: record({ categories: { analytics: true, marketing: false }, services: ['facebook'] }),
    });
    expect(checkbox(dialog, 'Analytics').checked).toBe(true);
    expect(checkbox(dialog, 'Marketing').checked).toBe(false);
    expect(toggle(dialog, 'Google Analytics').checked).toBe(true);
    expect(toggle(dialog, 'Facebook').checked).toBe(true);
    expect(toggle(dialog, 'LeadLander').checked).toBe(false);
  });

  it('has the four buttons', () => {
    const { dialog } = openPreferences();
    for (const name of ['Save choices', 'Accept all', 'Reject all', 'Close'])
      expect(within(dialog).getByRole('button', { name })).toBeTruthy();
  });

  it('hides the rest of the widget from assistive technology while open', () => {
    openPreferences();
    expect(screen.queryByRole('region', { name: 'Cookie consent' })).toBeNull();
    expect(screen.getAllByRole('button', { name: 'Accept all' })).toHaveLength(1);
  });

  it('falls back to the open attribute where showModal is missing', () => {
    const proto = HTMLDialogElement.prototype as unknown as Record<string, unknown>;
    const original = proto.showModal;
    proto.showModal = undefined;
    try {
      const { dialog } = openPreferences();
      expect(dialog.hasAttribute('open')).toBe(true);
    } finally {
      proto.showModal = original;
    }
  });
});

describe('Preferences: choosing', () => {
  it('"Save choices" applies the draft: a ticked category with its services', () => {
    const { dialog, model } = openPreferences();
    fireEvent.click(checkbox(dialog, 'Analytics'));
    expect(toggle(dialog, 'Google Analytics').checked).toBe(true);
    expect(model.decision()).toBeUndefined();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save choices' }));
    expect(model.decision()?.record).toMatchObject({
      source: 'preferences',
      categories: { analytics: true, marketing: false },
      services: [],
    });
    expect(model.isOpen()).toBe(false);
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('"Save choices" stores a single service granted on its own', () => {
    const { dialog, model } = openPreferences();
    fireEvent.click(toggle(dialog, 'Facebook'));
    expect(toggle(dialog, 'Facebook').checked).toBe(true);
    expect(checkbox(dialog, 'Marketing').checked).toBe(false);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save choices' }));
    expect(model.decision()?.record).toMatchObject({
      categories: { analytics: false, marketing: false },
      services: ['facebook'],
    });
    expect(model.grants().services).toEqual({
      'google-analytics': false,
      leadlander: false,
      twitter: false,
      facebook: true,
    });
  });

  it('ticks a category when all its services are switched on', () => {
    const { dialog } = openPreferences();
    for (const name of ['LeadLander', 'X (Twitter)', 'Facebook']) fireEvent.click(toggle(dialog, name));
    expect(checkbox(dialog, 'Marketing').checked).toBe(true);
  });

  it('"Save choices" without a change records a refusal (nothing was ticked)', () => {
    const { dialog, model } = openPreferences();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save choices' }));
    expect(model.decision()?.record.categories).toEqual({ analytics: false, marketing: false });
  });

  it('"Accept all" and "Reject all" in the dialog decide with source preferences', () => {
    const a = openPreferences();
    fireEvent.click(within(a.dialog).getByRole('button', { name: 'Accept all' }));
    expect(a.model.decision()?.record).toMatchObject({
      source: 'preferences',
      categories: { analytics: true, marketing: true },
    });
    unmountUi();
    const r = openPreferences({ initial: record({ categories: { analytics: true, marketing: true } }) });
    fireEvent.click(within(r.dialog).getByRole('button', { name: 'Reject all' }));
    expect(r.model.decision()?.record).toMatchObject({
      source: 'preferences',
      categories: { analytics: false, marketing: false },
    });
  });

  it('Escape closes without deciding', () => {
    const { dialog, model } = openPreferences();
    fireEvent.click(checkbox(dialog, 'Analytics'));
    fireEvent.keyDown(dialog, { key: 'Escape' });
    expect(model.isOpen()).toBe(false);
    expect(model.decision()).toBeUndefined();
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.getByRole('region', { name: 'Cookie consent' })).toBeTruthy();
  });

  it('the cancel event (the browser’s own Escape) closes without deciding', () => {
    const { dialog, model } = openPreferences();
    fireEvent(dialog, new Event('cancel', { cancelable: true }));
    expect(model.isOpen()).toBe(false);
    expect(model.decision()).toBeUndefined();
  });

  it('"Close" closes without deciding, and keeps a stored decision as it was', () => {
    const initial = record();
    const { dialog, model } = openPreferences({ initial });
    fireEvent.click(checkbox(dialog, 'Marketing'));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Close' }));
    expect(model.isOpen()).toBe(false);
    expect(model.decision()?.record).toBe(initial);
  });

  it('starts a fresh draft each time it opens', () => {
    const { dialog, model } = openPreferences();
    fireEvent.click(checkbox(dialog, 'Analytics'));
    act(() => model.close());
    act(() => model.open());
    const again = screen.getByRole('dialog', { name: 'Privacy preferences' });
    expect(checkbox(again, 'Analytics').checked).toBe(false);
  });
});

describe('Preferences: what it tells the visitor', () => {
  it('shows no consent ID before a decision', () => {
    const { dialog } = openPreferences();
    expect(within(dialog).queryByText(/Consent ID/)).toBeNull();
  });

  it('shows the consent ID after a decision', () => {
    const initial = record({ id: 'Zx9_Consent-Id-0000001' });
    const { dialog } = openPreferences({ initial });
    expect(within(dialog).getByText(/Consent ID/)).toBeTruthy();
    expect(within(dialog).getByText('Zx9_Consent-Id-0000001')).toBeTruthy();
  });

  it('shows the new consent ID when reopened after deciding', () => {
    const { dialog, model } = openPreferences();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Accept all' }));
    act(() => model.open());
    const id = model.decision()?.record.id as string;
    expect(within(screen.getByRole('dialog')).getByText(id)).toBeTruthy();
  });

  it.each([
    [{ dnt: true, gpc: false }, 'Do Not Track'],
    [{ dnt: false, gpc: true }, 'Global Privacy Control'],
    [{ dnt: true, gpc: true }, 'Global Privacy Control'],
  ])('says which signal was honoured (%j) when the decision came from it', (signals, name) => {
    const initial = record({ source: 'signal', categories: { analytics: false, marketing: false } });
    const { dialog } = openPreferences({ initial, signals });
    const note = within(dialog).getByRole('note');
    expect(note.textContent).toContain(name);
  });

  it('says nothing about signals when the visitor decided', () => {
    const { dialog } = openPreferences({ initial: record({ source: 'banner' }), signals: { dnt: true, gpc: true } });
    expect(within(dialog).queryByRole('note')).toBeNull();
    expect(dialog.textContent).not.toContain('Do Not Track');
    expect(dialog.textContent).not.toContain('Global Privacy Control');
  });

  it('names each service with its purpose and cookies', () => {
    const { dialog } = openPreferences({ services: [GA] });
    const description = document.getElementById(
      toggle(dialog, 'Google Analytics').getAttribute('aria-describedby') ?? '',
    );
    expect(description?.textContent).toContain('_ga');
  });

  it("lists a custom service's cookie patterns as they read, * for the rest of a name", () => {
    const heatmap: Service = {
      id: 'heatmap',
      name: 'Heatmap',
      category: 'analytics',
      cookies: ['exact_one', /^_hj/, /_pk_id/, /^_ga_.+$/, /^_gat.*$/, /.+_sess$/, /chat_.+/, /^_pk_ses\./, /^id\d+$/],
    };
    const { dialog } = openPreferences({ services: [heatmap] });
    const description = document.getElementById(toggle(dialog, 'Heatmap').getAttribute('aria-describedby') ?? '');
    expect(description?.querySelector('code')?.textContent).toBe(
      'exact_one, _hj*, *_pk_id*, _ga_*, _gat*, *_sess, *chat_*, _pk_ses.*, id\\d+',
    );
  });

  it('renders overridden texts as text, never as HTML', () => {
    const html = '<img src=x onerror=alert(1)>';
    const { dialog, container } = openPreferences({
      overrides: { preferencesIntro: html, analytics: html },
      services: [{ ...GA, id: 'chat', name: `<b>${html}</b>`, description: html }],
    });
    // The intro and the service's description, each as plain text in its own paragraph.
    expect(within(dialog).getAllByText(html, { selector: 'p' })).toHaveLength(2);
    expect(within(dialog).getByRole('checkbox', { name: html })).toBeTruthy();
    expect(within(dialog).getByRole('switch', { name: `<b>${html}</b>` })).toBeTruthy();
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('b')).toBeNull();
  });
});
