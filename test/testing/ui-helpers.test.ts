import type { Page } from '@playwright/test';
import { describe, expect, it } from 'vitest';
import { type Choice, choose } from '../../src/testing/ui-helpers';

// Refused before the page is touched: a typo would otherwise save a choice without what the test meant to grant.
const page = {} as Page;

describe('choose', () => {
  it.each([
    ['a mistyped category', { analytic: true }, /"analytic" is not part of a choice.*analytics, marketing, services/],
    ['a category that is not true or false', { marketing: 'yes' }, /"marketing" must be true or false, not "yes"/],
    [
      'a service that is not true or false',
      { services: { facebook: 'on' } },
      /service "facebook" must be true or false/,
    ],
  ])('refuses %s, saying why', async (_, choice, message) => {
    await expect(choose(page, choice as unknown as Choice)).rejects.toThrow(message);
  });
});
