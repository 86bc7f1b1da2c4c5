import { describe, expect, it } from 'vitest';
import { en } from '../../src/ui/texts/en';
import { parseConfig } from '../helpers/config';

const parseTexts = (texts: unknown) => parseConfig({ json: { texts } });

describe('parseConfig: texts', () => {
  it('keeps overrides per language', () => {
    const { config, problems } = parseTexts({
      en: { acceptAll: 'OK', bannerTitle: 'Cookies?' },
      de: { acceptAll: 'Alle akzeptieren' },
    });
    expect(problems).toEqual([]);
    expect(config.texts).toEqual({
      en: { acceptAll: 'OK', bannerTitle: 'Cookies?' },
      de: { acceptAll: 'Alle akzeptieren' },
    });
  });

  it('stores language tags in lower case', () => {
    expect(parseTexts({ 'de-CH': { save: 'Speichern' } }).config.texts).toEqual({ 'de-ch': { save: 'Speichern' } });
  });

  it('keeps markup in a text as it is: texts are rendered as text, not parsed', () => {
    const html = '<img src=x onerror=alert(1)>';
    expect(parseTexts({ en: { bannerTitle: html } }).config.texts.en?.bannerTitle).toBe(html);
  });

  it('gives an error for a key that is not a text (its override is lost), and ignores it', () => {
    const { config, problems } = parseTexts({ en: { acceptAll: 'OK', acceptEverything: 'Yes' } });
    expect(problems).toHaveLength(1);
    expect(problems[0].level).toBe('error');
    expect(problems[0].message).toContain('texts.en.acceptEverything');
    expect(config.texts.en).toEqual({ acceptAll: 'OK' });
  });

  it.each([[42], [null], [''], ['   '], [['OK']], [{ text: 'OK' }]])(
    'refuses a text that is not a non-empty string (%j), with one error',
    (value) => {
      const { config, problems } = parseTexts({ en: { acceptAll: value, rejectAll: 'No' } });
      expect(problems).toHaveLength(1);
      expect(problems[0].level).toBe('error');
      expect(problems[0].message).toContain('texts.en.acceptAll');
      expect(config.texts.en).toEqual({ rejectAll: 'No' });
    },
  );

  it('takes a text left `undefined` (createCrumb() options in TypeScript) as not given: no problem, the built-in one', () => {
    const { config, problems } = parseConfig({
      json: { texts: { en: { acceptAll: undefined, rejectAll: 'No', notAText: undefined } } },
      from: 'options',
    });
    expect(problems).toEqual([]);
    expect(config.texts.en).toEqual({ rejectAll: 'No' });
  });

  it.each([['english'], ['e'], ['de_CH'], ['<x>']])('refuses the language tag %j', (lang) => {
    const { config, problems } = parseTexts({ [lang]: { acceptAll: 'OK' } });
    expect(problems).toHaveLength(1);
    expect(problems[0].level).toBe('error');
    expect(problems[0].message).toContain(`texts.${lang}`);
    expect(config.texts).toEqual({});
  });

  it('refuses a language that does not hold an object', () => {
    const { config, problems } = parseTexts({ en: 'OK' });
    expect(problems).toHaveLength(1);
    expect(config.texts).toEqual({});
  });

  it.each([['OK'], [['OK']], [null]])('says what the language holds instead of texts (%j)', (entries) => {
    const { problems } = parseTexts({ en: entries });
    expect(problems[0].message).toBe(
      `Crumb: "texts.en" in the data-crumb-config block must be an object of texts like {"acceptAll": "OK"}, not ${JSON.stringify(entries)}; it is ignored.`,
    );
  });

  it('says which language tag is not one', () => {
    const { problems } = parseTexts({ english: { acceptAll: 'OK' } });
    expect(problems[0].message).toBe(
      'Crumb: "texts.english" in the data-crumb-config block: "english" is not a language tag like "en" or "de-CH"; its texts are ignored.',
    );
  });

  it.each([[[]], ['en'], [null], [1]])('refuses texts that are not an object (%j)', (texts) => {
    const { config, problems } = parseTexts(texts);
    expect(problems).toHaveLength(1);
    expect(problems[0].level).toBe('error');
    expect(problems[0].message).toContain('"texts"');
    expect(config.texts).toEqual({});
  });

  it('accepts every key of the English texts', () => {
    const all = Object.fromEntries(Object.keys(en).map((k) => [k, `x ${k}`]));
    const { config, problems } = parseTexts({ fr: all });
    expect(problems).toEqual([]);
    expect(config.texts.fr).toEqual(all);
  });
});
