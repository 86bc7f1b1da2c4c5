import { describe, expect, it, vi } from 'vitest';
import type { Service } from '../../src/consent/categories';
import { createConsentModel, type ModelOptions, resolveGrants } from '../../src/consent/consent-model';
import type { ConsentRecord } from '../../src/consent/consent-record';
import { BUILT_IN, DAY, FB, GA, idSequence, LL, NOW, record, TW } from '../helpers/fixtures';

function model(initial?: ConsentRecord, over: Partial<ModelOptions> = {}) {
  let clock = NOW;
  const m = createConsentModel(
    {
      services: BUILT_IN,
      revision: 'rev-1',
      signals: { dnt: false, gpc: false },
      now: () => (clock += 1000),
      newId: idSequence('m'),
      ...over,
    },
    initial,
  );
  return m;
}

const recordOf = (m: ReturnType<typeof model>) => {
  const d = m.decision();
  if (!d) throw new Error('no decision');
  return d.record;
};

describe('resolveGrants', () => {
  it('grants nothing optional without a record, and lists every service as false', () => {
    expect(resolveGrants(undefined, BUILT_IN)).toEqual({
      categories: { necessary: true, analytics: false, marketing: false },
      services: { 'google-analytics': false, leadlander: false, twitter: false, facebook: false },
    });
  });

  it('grants every service of a granted category', () => {
    const g = resolveGrants(record({ categories: { analytics: false, marketing: true } }), BUILT_IN);
    expect(g.categories).toEqual({ necessary: true, analytics: false, marketing: true });
    expect(g.services).toEqual({ 'google-analytics': false, leadlander: true, twitter: true, facebook: true });
  });

  it('grants a service listed on its own while its category is refused', () => {
    const g = resolveGrants(
      record({ categories: { analytics: false, marketing: false }, services: ['twitter'] }),
      BUILT_IN,
    );
    expect(g.categories.marketing).toBe(false);
    expect(g.services).toEqual({ 'google-analytics': false, leadlander: false, twitter: true, facebook: false });
  });

  it('ignores listed ids of services the site does not have', () => {
    const g = resolveGrants(record({ categories: { analytics: false, marketing: false }, services: ['chat'] }), [GA]);
    expect(g.services).toEqual({ 'google-analytics': false });
  });

  it('only has entries for present services', () => {
    expect(Object.keys(resolveGrants(record(), [FB]).services)).toEqual(['facebook']);
    expect(resolveGrants(record(), []).services).toEqual({});
  });
});

describe('createConsentModel: acceptAll and rejectAll', () => {
  it('starts undecided, closed, with nothing granted', () => {
    const m = model();
    expect(m.decision()).toBeUndefined();
    expect(m.isOpen()).toBe(false);
    expect(Object.values(m.grants().services).some(Boolean)).toBe(false);
  });

  it('acceptAll grants both categories and every service, with the given source', () => {
    const m = model();
    m.acceptAll('banner');
    expect(recordOf(m)).toMatchObject({
      revision: 'rev-1',
      categories: { analytics: true, marketing: true },
      services: [],
      source: 'banner',
    });
    expect(m.grants().services).toEqual({
      'google-analytics': true,
      leadlander: true,
      twitter: true,
      facebook: true,
    });
  });

  it('rejectAll refuses every optional category and service, and still records a decision', () => {
    const m = model(record({ categories: { analytics: true, marketing: true } }));
    m.rejectAll('preferences');
    expect(recordOf(m)).toMatchObject({ categories: { analytics: false, marketing: false }, services: [] });
    expect(recordOf(m).source).toBe('preferences');
    expect(Object.values(m.grants().services).some(Boolean)).toBe(false);
    expect(m.grants().categories.necessary).toBe(true);
  });

  it('acceptAll grants the categories on a site without any service', () => {
    const m = model(undefined, { services: [] });
    m.acceptAll('api');
    expect(recordOf(m).categories).toEqual({ analytics: true, marketing: true });
  });

  it('stamps each decision with the time and a new id', () => {
    const m = model();
    m.acceptAll('banner');
    const first = recordOf(m);
    m.rejectAll('banner');
    const second = recordOf(m);
    expect(second.id).not.toBe(first.id);
    expect(second.time).toBeGreaterThan(first.time);
  });
});

describe('createConsentModel: decide', () => {
  it('keeps what is not named', () => {
    const m = model(record({ categories: { analytics: true, marketing: false } }));
    m.decide({ marketing: true }, 'api');
    expect(recordOf(m).categories).toEqual({ analytics: true, marketing: true });
    m.decide({}, 'api');
    expect(recordOf(m).categories).toEqual({ analytics: true, marketing: true });
    m.decide({ analytics: false }, 'api');
    expect(recordOf(m).categories).toEqual({ analytics: false, marketing: true });
  });

  it('passes a category choice on to its services', () => {
    const m = model();
    m.decide({ marketing: true }, 'api');
    expect(m.grants().services).toEqual({
      'google-analytics': false,
      leadlander: true,
      twitter: true,
      facebook: true,
    });
    m.decide({ marketing: false }, 'api');
    expect(m.grants().services.facebook).toBe(false);
  });

  it('grants a single service alone: its category stays refused and the record lists the service', () => {
    const m = model();
    m.decide({ services: { facebook: true } }, 'preferences');
    const r = recordOf(m);
    expect(r.categories).toEqual({ analytics: false, marketing: false });
    expect(r.services).toEqual(['facebook']);
    expect(m.grants().services).toEqual({
      'google-analytics': false,
      leadlander: false,
      twitter: false,
      facebook: true,
    });
  });

  it('counts a category as granted only when all its services are', () => {
    const m = model();
    m.decide({ services: { leadlander: true, twitter: true } }, 'preferences');
    expect(recordOf(m).categories.marketing).toBe(false);
    expect(recordOf(m).services).toEqual(['leadlander', 'twitter']);
    m.decide({ services: { facebook: true } }, 'preferences');
    expect(recordOf(m).categories.marketing).toBe(true);
    expect(recordOf(m).services).toEqual([]);
  });

  it('lets a service choice override its category in the same call', () => {
    const m = model();
    m.decide({ marketing: true, services: { twitter: false } }, 'preferences');
    expect(recordOf(m).categories.marketing).toBe(false);
    expect(recordOf(m).services).toEqual(['leadlander', 'facebook']);
    expect(m.grants().services.twitter).toBe(false);
  });

  it('turns the only service of a category on and off with the category', () => {
    const m = model();
    m.decide({ services: { 'google-analytics': true } }, 'api');
    expect(recordOf(m).categories.analytics).toBe(true);
    expect(recordOf(m).services).toEqual([]);
  });

  it('withdraws a service granted alone when its category is refused', () => {
    const m = model(record({ categories: { analytics: false, marketing: false }, services: ['twitter'] }));
    m.decide({ marketing: false }, 'api');
    expect(m.grants().services.twitter).toBe(false);
    expect(recordOf(m).services).toEqual([]);
  });

  it('ignores unknown service ids and values that are not booleans', () => {
    const m = model();
    m.decide(
      {
        services: { chat: true, 'Google-Analytics': true, facebook: 'yes' as unknown as boolean },
        analytics: 1 as unknown as boolean,
      },
      'api',
    );
    const r = recordOf(m);
    expect(r.categories).toEqual({ analytics: false, marketing: false });
    expect(r.services).toEqual([]);
    expect(Object.keys(m.grants().services)).toEqual(['google-analytics', 'leadlander', 'twitter', 'facebook']);
  });

  it('ignores inherited keys such as "__proto__" or "constructor" in services', () => {
    const m = model();
    m.decide({ services: JSON.parse('{"__proto__": true, "constructor": true, "toString": true}') }, 'api');
    expect(recordOf(m).services).toEqual([]);
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('keeps a category without services as chosen', () => {
    const m = model(undefined, { services: [GA] });
    m.decide({ marketing: true }, 'api');
    expect(recordOf(m).categories).toEqual({ analytics: false, marketing: true });
  });

  it('keeps custom services in their category', () => {
    const chat: Service = { id: 'chat', name: 'Chat', category: 'analytics', cookies: [] };
    const m = model(undefined, { services: [GA, chat, FB] });
    m.decide({ services: { chat: true } }, 'api');
    expect(recordOf(m).services).toEqual(['chat']);
    expect(recordOf(m).categories.analytics).toBe(false);
    m.decide({ analytics: true }, 'api');
    expect(m.grants().services).toEqual({ 'google-analytics': true, chat: true, facebook: false });
  });

  it('names the replaced decision in previousId, and none for the first', () => {
    const m = model(record({ id: 'START-000000000000000' }));
    m.acceptAll('banner');
    const first = m.decision();
    expect(first?.previousId).toBe('START-000000000000000');
    expect(first?.origin).toBe('local');
    m.rejectAll('banner');
    expect(m.decision()?.previousId).toBe(first?.record.id);

    const fresh = model();
    fresh.acceptAll('banner');
    expect(fresh.decision()?.previousId).toBeUndefined();
  });

  it('links the decision after a reset to the reset, so the receipts form one chain', () => {
    const m = model();
    m.acceptAll('banner');
    const accepted = m.decision()?.record.id;
    m.reset();
    const resetId = m.lastId();
    expect(resetId).toBeTruthy();
    expect(resetId).not.toBe(accepted);
    m.rejectAll('banner');
    expect(m.decision()?.previousId).toBe(resetId);
    expect(m.lastId()).toBe(m.decision()?.record.id);
  });

  it('a reset with no decision to forget takes no consent ID: the next decision links to the last one there was', () => {
    const fresh = model();
    fresh.reset();
    fresh.acceptAll('api');
    // No receipt is sent for a reset that forgets nothing, so none may be linked to.
    expect(fresh.decision()?.previousId).toBeUndefined();

    const m = model();
    m.rejectAll('banner');
    m.reset();
    const resetId = m.lastId();
    m.reset();
    expect(m.lastId()).toBe(resetId);
    m.acceptAll('api');
    expect(m.decision()?.previousId).toBe(resetId);
  });

  it('closes the preferences with the decision, in one update', () => {
    const m = model();
    m.open();
    const seen: [boolean, boolean][] = [];
    const unsubscribe = m.subscribe(() => seen.push([!!m.decision(), m.isOpen()]));
    m.acceptAll('preferences');
    unsubscribe();
    m.rejectAll('preferences');
    expect(m.isOpen()).toBe(false);
    // One notification, with the decision made and the dialog closed together; none after unsubscribing.
    expect(seen).toEqual([[true, false]]);
  });

  it('marks its own changes as local', () => {
    const m = model();
    expect(m.lastOrigin()).toBe('start');
    m.acceptAll('banner');
    expect(m.lastOrigin()).toBe('local');
  });
});

describe('createConsentModel: privacy signals', () => {
  it('marks a choice made while the browser sends DNT or GPC, and no other', () => {
    for (const signals of [
      { dnt: true, gpc: false },
      { dnt: false, gpc: true },
    ]) {
      const m = model(undefined, { signals });
      m.decide({ analytics: true }, 'preferences');
      expect(recordOf(m).signalled).toBe(true);
    }
    const m = model();
    m.acceptAll('banner');
    expect(recordOf(m).signalled).toBe(false);
  });
});

describe('createConsentModel: start, reset, adopt, open, close', () => {
  it('starts from a stored record, as origin "start"', () => {
    const r = record({ categories: { analytics: true, marketing: false } });
    const m = model(r);
    expect(m.decision()).toEqual({ record: r, origin: 'start' });
    expect(m.grants().services['google-analytics']).toBe(true);
    expect(m.grants().services.facebook).toBe(false);
  });

  it('reset forgets the decision, closes the preferences and grants nothing', () => {
    const m = model(record({ categories: { analytics: true, marketing: true } }));
    m.open();
    m.reset();
    expect(m.decision()).toBeUndefined();
    expect(m.isOpen()).toBe(false);
    expect(Object.values(m.grants().services).some(Boolean)).toBe(false);
    expect(m.lastOrigin()).toBe('local');
  });

  it('adopt takes a decision from another tab as origin "tab"', () => {
    const m = model();
    const other = record({ id: 'TAB-0000000000000000000', categories: { analytics: false, marketing: true } });
    m.adopt(other);
    expect(m.decision()).toEqual({ record: other, origin: 'tab' });
    expect(m.grants().services.twitter).toBe(true);
    expect(m.lastOrigin()).toBe('tab');
  });

  it('adopt closes the preferences, as a decision made here does', () => {
    const m = model(record());
    m.open();
    m.adopt(record({ id: 'TAB-0000000000000000001', categories: { analytics: false, marketing: false } }));
    expect(m.isOpen()).toBe(false);
    m.open();
    m.adopt(undefined);
    expect(m.isOpen()).toBe(false);
  });

  it('adopt ignores the decision it already has', () => {
    const r = record();
    const m = model(r);
    const before = m.decision();
    m.adopt({ ...r });
    expect(m.decision()).toBe(before);
    expect(m.lastOrigin()).toBe('start');
  });

  it('adopt(undefined) follows a reset in another tab', () => {
    const m = model(record());
    m.adopt(undefined);
    expect(m.decision()).toBeUndefined();
    expect(m.lastOrigin()).toBe('tab');
  });

  it('adopt(undefined) without a decision changes nothing', () => {
    const m = model();
    m.adopt(undefined);
    expect(m.lastOrigin()).toBe('start');
  });

  it('open and close only move the preferences, never decide', () => {
    const m = model();
    m.open();
    expect(m.isOpen()).toBe(true);
    m.close();
    expect(m.isOpen()).toBe(false);
    expect(m.decision()).toBeUndefined();
  });

  it('exposes its services and signals', () => {
    const m = model(undefined, { services: [LL, TW], signals: { dnt: true, gpc: false } });
    expect(m.services.map((s) => s.id)).toEqual(['leadlander', 'twitter']);
    expect(m.signals).toEqual({ dnt: true, gpc: false });
  });

  it('uses the clock for every decision', () => {
    let t = NOW + 5 * DAY;
    const m = model(undefined, { now: () => t });
    m.acceptAll('api');
    expect(recordOf(m).time).toBe(NOW + 5 * DAY);
    t += 1000;
    m.rejectAll('api');
    expect(recordOf(m).time).toBe(NOW + 5 * DAY + 1000);
  });
});

describe('subscribers', () => {
  it('all hear a change even when one of them throws (the display failing never keeps the decision from storing)', () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const m = model();
    const after = vi.fn();
    m.subscribe(() => {
      throw new Error('display bug');
    });
    m.subscribe(after);
    expect(() => m.acceptAll('banner')).not.toThrow();
    expect(after).toHaveBeenCalledTimes(1);
    expect(error).toHaveBeenCalledTimes(1);
  });
});
