import type { CrumbState } from '../api/types';
import { OPTIONAL_CATEGORIES } from '../consent/categories';
import type { Grants } from '../consent/consent-model';

/** What a receipt records: the kind of decision. */
export type ReceiptType = 'acceptance' | 'refusal' | 'partial' | 'withdrawal' | 'signal' | 'reset';

/** Proof of one decision (GDPR Art. 7(1)): who (a consent ID, not a person), when, what, under which text. */
export interface ConsentReceipt {
  id: string;
  /** The consent ID of the decision this one replaced. */
  previousId: string | null;
  type: ReceiptType;
  time: string;
  revision: string;
  categories: CrumbState['categories'];
  services: CrumbState['services'];
  source: NonNullable<CrumbState['source']>;
  signals: CrumbState['signals'];
  language: string;
  /** The page's origin and path: never its query string or fragment, which may carry personal data. */
  origin: string;
  path: string;
  version: string;
}

/** Whether anything granted before is refused now. */
export const withdrew = (before: Grants, after: Grants): boolean =>
  OPTIONAL_CATEGORIES.some((c) => before.categories[c] && !after.categories[c]) ||
  Object.keys(before.services).some((id) => before.services[id] && !after.services[id]);

/** Names the decision from the grants before and after it. */
export function receiptType(before: Grants, after: Grants, source: ConsentReceipt['source']): ReceiptType {
  if (source === 'signal') return 'signal';
  if (withdrew(before, after)) return 'withdrawal';
  const values = [after.categories.analytics, after.categories.marketing, ...Object.values(after.services)];
  if (values.every(Boolean)) return 'acceptance';
  if (!values.some(Boolean)) return 'refusal';
  return 'partial';
}

export interface ReceiptInput {
  id: string;
  previousId?: string;
  type: ReceiptType;
  time: number;
  state: CrumbState;
  source: ConsentReceipt['source'];
  language: string;
  location: Pick<Location, 'origin' | 'pathname'>;
  version: string;
}

/** Builds a receipt. Pure: everything it holds is passed in, so nothing else (IP, user agent) can slip in. */
export function buildReceipt(
  { id, previousId, time, state, source, language, version }: Omit<ReceiptInput, 'type' | 'location'>,
  type: ReceiptType,
  location: ReceiptInput['location'],
): ConsentReceipt {
  return {
    id,
    // A consent ID is never empty (22 characters), so `||` stands for `??`: shorter once built for ES2019.
    previousId: previousId || null,
    type,
    time: new Date(time).toISOString(),
    revision: state.revision,
    categories: { ...state.categories },
    services: { ...state.services },
    source,
    signals: { ...state.signals },
    language,
    origin: location.origin,
    path: location.pathname,
    version,
  };
}
