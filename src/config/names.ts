/** `googleAnalytics` → `data-google-analytics`. */
export const attributeName = (key: string): string => `data-${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;

/** Longest choice CNIL accepts before asking again: 13 months. */
export const MAX_EXPIRY_DAYS = 395;
