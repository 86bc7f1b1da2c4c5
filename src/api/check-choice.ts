import { isPlainObject } from '../config/validators';
import { isOptionalCategory } from '../consent/categories';
import type { ChoiceInput } from '../consent/consent-model';

/**
 * Refuses a `set()` argument with anything it would otherwise skip in silence (a mistyped key or service id, a value
 * that is not a boolean): a TypeError naming it, before anything is decided, so a typo never records a refusal.
 */
export function checkChoice(choice: unknown, services: readonly { id: string }[]): asserts choice is ChoiceInput {
  const ids = services.map((s) => s.id);
  const bad = (key: string, value: unknown) => {
    throw new TypeError(
      `Crumb.set(): ${key} = ${JSON.stringify(value)} is not allowed; nothing was changed. Expected { analytics?: boolean, marketing?: boolean, services?: { [id]: boolean } }, ids: ${ids.join(', ') || 'none'}.`,
    );
  };
  if (!isPlainObject(choice)) return bad('the argument', choice);
  for (const key of Object.keys(choice)) {
    const value = choice[key];
    if (key === 'services' && isPlainObject(value)) {
      for (const id of Object.keys(value))
        if (!ids.includes(id) || typeof value[id] !== 'boolean') bad(`services["${id}"]`, value[id]);
    } else if (!(isOptionalCategory(key) ? typeof value === 'boolean' : key === 'necessary' && value === true))
      bad(key, value);
  }
}
