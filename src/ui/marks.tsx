import type { ComponentChild } from 'preact';
import type { TextKey, Texts } from './texts/types';

/**
 * Shows the text of `key` (or `text`, filled in from it): in a `lang="en" dir="ltr"` span when it came from the
 * English fallback (`english`, from the widget), so that the element holding it keeps the page's direction for its
 * layout (alignment, logical margins and borders).
 */
export type Say = (key: TextKey, text?: string) => ComponentChild;

export const sayer =
  (texts: Texts, english: (key: TextKey) => boolean): Say =>
  (key, text = texts[key]) =>
    __CRUMB_FALLBACK__ && english(key) ? (
      <span lang="en" dir="ltr">
        {text}
      </span>
    ) : (
      text
    );
