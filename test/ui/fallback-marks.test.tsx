// @vitest-environment happy-dom
import { act, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { inEnglish } from '../../src/ui/texts/languages';
import type { TextKey } from '../../src/ui/texts/types';
import { record } from '../helpers/fixtures';
import { mountUi, unmountUi } from '../helpers/ui';

afterEach(unmountUi);

describe('inEnglish', () => {
  const overrides = { ar: { acceptAll: 'قبول الكل' }, 'ar-eg': { rejectAll: 'رفض الكل' }, de: { acceptAll: 'OK' } };

  it('is every text the site left out of a language Crumb has no texts for', () => {
    const english = inEnglish('ar', overrides);
    expect(english('acceptAll')).toBe(false);
    expect(english('rejectAll')).toBe(true);
    expect(english('customize')).toBe(true);
    expect(english('preferencesIntro')).toBe(true);
    // A regional tag has its own texts and its base language's.
    const egypt = inEnglish('ar-eg', overrides);
    expect([egypt('acceptAll'), egypt('rejectAll'), egypt('customize')]).toEqual([false, false, true]);
  });

  it('is nothing in a built-in language, overridden or not, regional or not', () => {
    for (const lang of ['en', 'en-gb', 'de', 'de-ch', 'fr', 'es-mx'])
      for (const key of ['acceptAll', 'customize', 'preferencesTitle'] as TextKey[])
        expect(inEnglish(lang, overrides)(key), `${lang} ${key}`).toBe(false);
  });
});

/** The texts in `root` marked English, as `text` lang/dir. */
const marked = (root: HTMLElement) =>
  [...root.querySelectorAll<HTMLElement>('[lang]')].map((el) => `${el.textContent} ${el.lang}/${el.dir}`);

describe('texts that fell back to English', () => {
  const fellBack = new Set<TextKey>([
    'customize',
    'bannerText',
    'reopen',
    'preferencesIntro',
    'cookies',
    'save',
    'close',
    'analyticsDescription',
    'googleAnalyticsPurpose',
    'vendorPolicy',
    'alwaysOn',
  ]);
  const english = (key: TextKey) => fellBack.has(key);

  it('are marked lang="en" dir="ltr" in the banner, and nothing else is', () => {
    mountUi({ english, config: { policyUrl: '/privacy' } });
    const region = screen.getByRole('region', { name: 'Cookie consent' });
    expect(marked(region)).toEqual([
      'We’d like to use cookies for analytics and marketing. They stay off unless you accept, and you can change your mind at any time. en/ltr',
      'Customize en/ltr',
    ]);
    // The marked text is in a span of its own: the button keeps the page's direction for its layout.
    const customize = within(region).getByRole('button', { name: 'Customize' });
    expect(customize.hasAttribute('lang')).toBe(false);
    expect(customize.firstElementChild?.getAttribute('lang')).toBe('en');
  });

  it('are marked in "Cookie settings"', () => {
    mountUi({ english, initial: record() });
    const pill = screen.getByRole('button', { name: 'Cookie settings' });
    expect(marked(pill)).toEqual(['Cookie settings en/ltr']);
  });

  it('are marked in the preferences; the close button, named by its label, carries lang="en" itself', () => {
    const props = mountUi({ english, initial: record() });
    act(() => props.model.open());
    const dialog = screen.getByRole('dialog', { name: 'Privacy preferences' });
    const texts = marked(dialog);
    expect(texts).toContain(
      'Choose what this site may use. Your choice is kept on this device and you can change it at any time. en/ltr',
    );
    expect(texts).toContain('Save choices en/ltr');
    expect(texts).toContain('Always on en/ltr');
    expect(texts).toContain('Statistics on visits and pages viewed. en/ltr');
    expect(texts).toContain('Google Analytics privacy policy en/ltr');
    expect(texts.filter((t) => t.startsWith('Cookies '))).toHaveLength(
      props.model.services.filter((s) => s.cookies.length).length + 1,
    );
    expect(within(dialog).getByRole('button', { name: 'Close' }).getAttribute('lang')).toBe('en');
    // Not fallen back: not marked.
    for (const text of ['Privacy preferences', 'Accept all', 'Reject all', 'Analytics', 'Consent ID'])
      expect(
        texts.some((t) => t.startsWith(`${text} `)),
        text,
      ).toBe(false);
  });

  it('nothing is marked when no text fell back', () => {
    const props = mountUi({ initial: record(), config: { policyUrl: '/privacy' } });
    act(() => props.model.open());
    expect(props.root.querySelectorAll('[lang]')).toHaveLength(0);
  });
});
