import { isPlainObject } from '../config/validators';
import { isOptionalCategory } from '../consent/categories';
import type { ChoiceInput } from '../consent/consent-model';

/**
 * Refuses a `set()` argument with anything it would otherwise skip in silence (a mistyped key or service id, a value
 * that is not a boolean): a TypeError naming it, before anything is decided, so a typo never records a refusal.
 * `undefined` is a value not named (as the optional members of its type allow): it stays as it is.
 */
export function checkChoice(choice: unknown, services: readonly { id: string }[]): asserts choice is ChoiceInput {
  const ids = services.map((s) => s.id);
  const bad = (key: string, value: unknown) => {
    throw new TypeError(
      `Crumb.set(): ${key} = ${JSON.stringify(value)} is not allowed; nothing was changed. Expected { analytics?: boolean, marketing?: boolean, services?: { [id]: boolean } }, ids: ${ids.join(', ') || 'none'}.`,
    );
  };
  if (!isPlainObject(choice)) return bad('the argument', choice);
  const flag = (value: unknown) => value === undefined || typeof value === 'boolean';
  for (const key of Object.keys(choice)) {
    const value = choice[key];
    if (key === 'services' && (value === undefined || isPlainObject(value))) {
      const given: Record<string, unknown> = value || {};
      for (const id of Object.keys(given))
        if (!ids.includes(id) || !flag(given[id])) bad(`services["${id}"]`, given[id]);
    } else if (!(isOptionalCategory(key) ? flag(value) : key === 'necessary' && value === true)) bad(key, value);
  }
}
