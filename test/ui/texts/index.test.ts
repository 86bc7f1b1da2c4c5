import { describe, expect, it } from 'vitest';
import { availableLanguages, fill, pickLanguage, resolveTexts } from '../../../src/ui/texts';
import { en } from '../../../src/ui/texts/en';
import { LANGUAGES } from '../../../src/ui/texts/languages';

describe('pickLanguage', () => {
  it.each([
    [['de', 'fr'], ['en', 'de', 'fr'], 'de'],
    [['DE-ch'], ['en', 'de'], 'de'],
    [['de-CH'], ['en', 'de-ch', 'de'], 'de-ch'],
    [[undefined, 'fr-FR', 'de'], ['en', 'fr', 'de'], 'fr'],
    [[null, '', 'es'], ['en', 'es'], 'es'],
    [['it', 'pt-BR'], ['en', 'de'], 'en'],
    [[], ['en'], 'en'],
    [['ja'], ['ja'], 'ja'],
  ] as [(string | null | undefined)[], string[], string][])('%j among %j → %s', (candidates, available, picked) => {
    expect(pickLanguage(candidates, available)).toBe(picked);
  });

  it('takes the first candidate that is available: data-lang, then <html lang>, then the browser', () => {
    expect(pickLanguage(['fr', 'de', 'es'], ['en', 'de', 'es'])).toBe('de');
  });
});

describe('availableLanguages', () => {
  it('is the built-in languages (English, German, French, Spanish at least) plus those the site gave texts for', () => {
    expect(availableLanguages({})).toEqual(LANGUAGES);
    for (const lang of ['en', 'de', 'fr', 'es']) expect(LANGUAGES).toContain(lang);
    const withSite = availableLanguages({ de: {}, en: {}, 'fr-ca': {}, it: {} });
    expect(withSite).toEqual([...LANGUAGES, 'fr-ca', 'it']);
  });
});

describe('resolveTexts', () => {
  it('is English without overrides', () => {
    expect(resolveTexts('en', {})).toEqual(en);
  });

  it('applies the overrides of the language, text by text', () => {
    const texts = resolveTexts('en', { en: { acceptAll: 'OK', bannerTitle: 'Cookies?' } });
    expect(texts.acceptAll).toBe('OK');
    expect(texts.bannerTitle).toBe('Cookies?');
    expect(texts.rejectAll).toBe('Reject all');
  });

  it('falls back to English for texts a language the site added does not give', () => {
    const texts = resolveTexts('it', { it: { acceptAll: 'Accetta tutto' } });
    expect(texts.acceptAll).toBe('Accetta tutto');
    expect(texts.rejectAll).toBe(en.rejectAll);
    expect(Object.keys(texts).sort()).toEqual(Object.keys(en).sort());
  });

  it('lays overrides over a built-in language', () => {
    const german = resolveTexts('de', {});
    const texts = resolveTexts('de', { de: { acceptAll: 'Einverstanden' } });
    expect(texts.acceptAll).toBe('Einverstanden');
    expect(texts.rejectAll).toBe(german.rejectAll);
    expect(texts.rejectAll).not.toBe(en.rejectAll);
  });

  it('ignores the overrides of other languages', () => {
    expect(resolveTexts('en', { de: { acceptAll: 'Alle akzeptieren' } }).acceptAll).toBe('Accept all');
  });

  it.each(['de', 'fr', 'es'])('has every text in %s, translated, with the placeholders kept', (lang) => {
    const texts = resolveTexts(lang, {});
    for (const key of Object.keys(en) as (keyof typeof en)[]) expect(texts[key].trim(), key).not.toBe('');
    expect(texts.acceptAll).not.toBe(en.acceptAll);
    expect(texts.bannerLabel).not.toBe(en.bannerLabel);
    expect(texts.vendorPolicy).toContain('{name}');
    expect(texts.signalHonoured).toContain('{signal}');
  });

  it('falls back to English for a language it does not have', () => {
    expect(resolveTexts('ja', {})).toEqual(en);
  });

  it('never changes the built-in English texts', () => {
    resolveTexts('en', { en: { acceptAll: 'Changed' } });
    expect(en.acceptAll).toBe('Accept all');
    expect(resolveTexts('en', {}).acceptAll).toBe('Accept all');
  });

  it('keeps the names QA suites rely on in English', () => {
    const t = resolveTexts('en', {});
    expect([
      t.bannerLabel,
      t.preferencesTitle,
      t.acceptAll,
      t.rejectAll,
      t.customize,
      t.save,
      t.close,
      t.reopen,
    ]).toEqual([
      'Cookie consent',
      'Privacy preferences',
      'Accept all',
      'Reject all',
      'Customize',
      'Save choices',
      'Close',
      'Cookie settings',
    ]);
    expect([t.necessary, t.analytics, t.marketing]).toEqual(['Necessary', 'Analytics', 'Marketing']);
  });
});

describe('fill', () => {
  it('fills every placeholder it has a value for', () => {
    expect(fill('Privacy policy of {name}', { name: 'Facebook' })).toBe('Privacy policy of Facebook');
    expect(fill('{a} and {a} and {b}', { a: '1', b: '2' })).toBe('1 and 1 and 2');
  });

  it('leaves unknown placeholders as they are', () => {
    expect(fill('Hello {who}', {})).toBe('Hello {who}');
    expect(fill('{ name } {}', { name: 'x' })).toBe('{ name } {}');
  });

  it('inserts values literally: no replacement patterns, no second pass', () => {
    expect(fill('{x}', { x: '$&$1$$' })).toBe('$&$1$$');
    expect(fill('{a}{b}', { a: '{b}', b: 'B' })).toBe('{b}B');
  });

  it('fills the signal notice', () => {
    expect(fill(en.signalHonoured, { signal: 'Do Not Track' })).toContain('sends a Do Not Track signal');
  });

  it('leaves placeholders named like Object.prototype members alone rather than filling in inherited properties', () => {
    const filled = ['constructor', 'toString', 'hasOwnProperty', '__proto__'].map((key) =>
      fill(`Text {${key}}`, { name: 'x' }),
    );
    expect(filled).toEqual(['Text {constructor}', 'Text {toString}', 'Text {hasOwnProperty}', 'Text {__proto__}']);
  });
});

describe('French typography', () => {
  it('keeps a non-breaking space before ; : ! ? » and after «, so a line never starts with them', async () => {
    // `fr` holds every French text, the banner's included.
    const { fr } = await import('../../../src/ui/texts/fr');
    const texts = Object.values(fr as unknown as Record<string, unknown>).filter(
      (t): t is string => typeof t === 'string',
    );
    expect(texts.length).toBeGreaterThan(20);
    const broken = texts.filter((t) => / [;:!?»]|« |[^\s\u00a0\u202f][;:!?»]|«[^\s\u00a0\u202f]/.test(t));
    expect(broken).toEqual([]);
  });
});
