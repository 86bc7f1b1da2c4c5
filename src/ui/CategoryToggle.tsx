import type { CookieMatcher, OptionalCategory, Service } from '../consent/categories';
import type { Say } from './marks';
import { fill } from './texts/fill';
import type { TextKey, Texts } from './texts/types';

/** Draft choice inside the dialog, applied only by a button. */
export type Draft = Record<OptionalCategory, boolean> & { services: Record<string, boolean> };

const PURPOSE: Record<string, TextKey> = {
  'google-analytics': 'googleAnalyticsPurpose',
  leadlander: 'leadlanderPurpose',
  twitter: 'twitterPurpose',
  facebook: 'facebookPurpose',
};

/**
 * How a cookie pattern reads to a visitor, `*` standing for the rest of a name: `/^_ga_.+$/` → `_ga_*`,
 * `/^_hj/` → `_hj*` (any name starting with it), `/_pk_id/` → `*_pk_id*` (any name containing it),
 * `/^_pk_id\./` → `_pk_id.*`.
 */
export const cookieLabel = (m: CookieMatcher): string =>
  typeof m === 'string'
    ? m
    : // Unanchored ends match more; `.*` and `.+` (not `\.`) are a rest too; `\.` reads as the dot it stands for.
      `*${m.source}*`
        .replace(/^\*\^|\$\*$/g, '')
        .replace(/(^|[^\\])\.[*+]/g, '$1*')
        .replace(/\\(\W)/g, '$1')
        .replace(/\*+/g, '*');

interface Props {
  category: OptionalCategory | 'necessary';
  services: readonly Service[];
  draft: Draft;
  setDraft: (draft: Draft) => void;
  texts: Texts;
  /** Shows a text, marked when it fell back to English. */
  say: Say;
}

/**
 * One category: a checkbox named by the category, then a switch per service. Categories are checkboxes and services
 * switches, so `getByRole('checkbox', { name: 'Analytics' })` never also matches "Google Analytics".
 */
export function CategoryToggle({ category, services, draft: d, setDraft, texts, say }: Props) {
  const id = `crumb-cat-${category}`;
  const necessary = category === 'necessary';
  const checked = necessary || d[category];
  const members = services.filter((s) => s.category === category);
  const setCategory = (value: boolean) => {
    if (necessary) return;
    const next = { ...d, services: { ...d.services }, [category]: value };
    for (const s of members) next.services[s.id] = value;
    setDraft(next);
  };
  const setService = (sid: string, value: boolean) => {
    if (necessary) return;
    const next = { ...d, services: { ...d.services, [sid]: value } };
    if (members.length) next[category] = members.every((s) => next.services[s.id]);
    setDraft(next);
  };
  // A site's own description is the site's text; a built-in one may have fallen back to English.
  const purpose = (s: Service) => s.description ?? (PURPOSE[s.id] ? say(PURPOSE[s.id]) : '');
  const some = !necessary && !checked && members.some((s) => d.services[s.id]);
  return (
    <fieldset class="category" aria-labelledby={`${id}-name`}>
      <div class="row">
        <label class="toggle">
          <input
            type="checkbox"
            checked={checked}
            disabled={necessary}
            aria-describedby={necessary ? `${id}-desc ${id}-cookies ${id}-badge` : `${id}-desc`}
            indeterminate={some}
            onChange={(e) => setCategory(e.currentTarget.checked)}
          />
          <span class="name" id={`${id}-name`}>
            {say(category)}
          </span>
        </label>
        {necessary && (
          <span class="badge" id={`${id}-badge`}>
            {say('alwaysOn')}
          </span>
        )}
      </div>
      <p class="desc" id={`${id}-desc`}>
        {say(`${category}Description`)}
      </p>
      {necessary && (
        // Crumb's own cookie is the one strictly necessary storage it adds.
        <p class="desc service-info" id={`${id}-cookies`}>
          <span class="label">{say('cookies')}</span> <code>crumb_consent</code>
        </p>
      )}
      {members.length > 0 && (
        <ul class="services">
          {members.map((s) => (
            <li key={s.id} class="service">
              <label class="toggle">
                <span class="name">{s.name}</span>
                <input
                  type="checkbox"
                  // biome-ignore lint/a11y/useAriaPropsForRole: a checkbox has its state; ARIA in HTML forbids aria-checked on it, which Chromium would expose over the real one
                  role="switch"
                  checked={!!d.services[s.id]}
                  aria-describedby={`crumb-svc-${s.id}`}
                  onChange={(e) => setService(s.id, e.currentTarget.checked)}
                />
              </label>
              <div class="service-info" id={`crumb-svc-${s.id}`}>
                {purpose(s) && <p>{purpose(s)}</p>}
                {s.cookies.length > 0 && (
                  <p>
                    <span class="label">{say('cookies')}</span> <code>{s.cookies.map(cookieLabel).join(', ')}</code>
                  </p>
                )}
              </div>
              {s.policyUrl && (
                <a class="vendor-link" href={s.policyUrl} target="_blank" rel="noopener noreferrer">
                  {say('vendorPolicy', fill(texts.vendorPolicy, { name: s.name }))}
                </a>
              )}
            </li>
          ))}
        </ul>
      )}
    </fieldset>
  );
}
