// @vitest-environment happy-dom
import { act, fireEvent, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { record } from '../helpers/fixtures';
import { mountUi, unmountUi } from '../helpers/ui';

afterEach(unmountUi);

describe('App', () => {
  it('shows the banner until a decision, then the "Cookie settings" button', () => {
    mountUi();
    expect(screen.getByRole('region', { name: 'Cookie consent' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Cookie settings' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Reject all' }));
    expect(screen.queryByRole('region', { name: 'Cookie consent' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Cookie settings' }));
    expect(screen.getByRole('dialog', { name: 'Privacy preferences' })).toBeTruthy();
  });

  it('shows no "Cookie settings" button when turned off', () => {
    mountUi({ initial: record(), config: { reopenButton: false } });
    expect(screen.queryByRole('button', { name: 'Cookie settings' })).toBeNull();
    expect(screen.queryByRole('region')).toBeNull();
  });

  it('shows the banner again after reset', () => {
    const props = mountUi({ initial: record() });
    act(() => props.model.reset());
    expect(screen.getByRole('region', { name: 'Cookie consent' })).toBeTruthy();
  });

  it('opens the preferences from the banner and renders the banner title as text', () => {
    const html = '<img src=x onerror=alert(1)>';
    const { root: container } = mountUi({ overrides: { bannerTitle: html } });
    expect(screen.getByText(html)).toBeTruthy();
    expect(container.querySelector('img')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Customize' }));
    expect(screen.getByRole('dialog', { name: 'Privacy preferences' })).toBeTruthy();
  });

  it('returns focus to the opener when the dialog closes', async () => {
    vi.useFakeTimers();
    try {
      mountUi();
      const customize = screen.getByRole('button', { name: 'Customize' });
      customize.focus();
      fireEvent.click(customize);
      const dialog = screen.getByRole('dialog');
      expect(dialog.contains(document.activeElement)).toBe(true);
      fireEvent.keyDown(dialog, { key: 'Escape' });
      vi.runAllTimers();
      expect(document.activeElement).toBe(customize);
    } finally {
      vi.useRealTimers();
    }
  });

  it('moves focus to "Cookie settings" when a decision takes the focused banner away', () => {
    mountUi();
    const reject = screen.getByRole('button', { name: 'Reject all' });
    reject.focus();
    fireEvent.click(reject);
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Cookie settings' }));
  });

  it('leaves focus alone when the banner goes without having it', () => {
    const props = mountUi();
    const outside = document.createElement('button');
    document.body.appendChild(outside);
    outside.focus();
    act(() => props.model.acceptAll('api'));
    expect(document.activeElement).toBe(outside);
    outside.remove();
  });
});
