import { describe, expect, it, vi } from 'vitest';
import { createPublicApi, stateOf } from '../../src/api/public-api';
import type { CrumbState } from '../../src/api/types';
import { createConsentModel } from '../../src/consent/consent-model';
import type { ConsentRecord } from '../../src/consent/consent-record';
import { apiActions } from '../../src/control';
import { BUILT_IN, idSequence, NOW, record } from '../helpers/fixtures';

function setup(initial?: ConsentRecord, signals = { dnt: false, gpc: true }) {
  const model = createConsentModel(
    { services: BUILT_IN, revision: 'rev-7', signals, now: () => NOW, newId: idSequence('api') },
    initial,
  );
  const { api, notify, connect } = createPublicApi(model, 'rev-7', '9.9.9', () => {});
  // As the control does once it has taken the core over.
  connect(apiActions(model));
  return { model, api, notify };
}

describe('Crumb.get()', () => {
  it('has exactly the documented shape before a decision', () => {
    const { api } = setup();
    expect(api.get()).toStrictEqual({
      decided: false,
      categories: { necessary: true, analytics: false, marketing: false },
      services: { 'google-analytics': false, leadlander: false, twitter: false, facebook: false },
      id: null,
      decidedAt: null,
      revision: 'rev-7',
      source: null,
      signals: { dnt: false, gpc: true },
    });
  });

  it('describes a decision: id, ISO time, source, grants', () => {
    const { api, model } = setup();
    api.acceptAll();
    const r = model.decision()?.record as ConsentRecord;
    expect(api.get()).toStrictEqual({
      decided: true,
      categories: { necessary: true, analytics: true, marketing: true },
      services: { 'google-analytics': true, leadlander: true, twitter: true, facebook: true },
      id: r.id,
      decidedAt: new Date(NOW).toISOString(),
      revision: 'rev-7',
      source: 'api',
      signals: { dnt: false, gpc: true },
    });
  });

  it('describes a stored decision made from a privacy signal', () => {
    const stored = record({ source: 'signal', categories: { analytics: false, marketing: false } });
    const state = setup(stored, { dnt: true, gpc: false }).api.get();
    expect(state.decided).toBe(true);
    expect(state.source).toBe('signal');
    expect(state.id).toBe(stored.id);
    expect(state.signals).toEqual({ dnt: true, gpc: false });
  });

  it('returns copies the caller cannot use to change the model', () => {
    const { api, model } = setup();
    const state = api.get();
    state.categories.analytics = true;
    state.services.facebook = true;
    state.signals.dnt = true;
    expect(model.grants().categories.analytics).toBe(false);
    expect(model.grants().services.facebook).toBe(false);
    expect(model.signals.dnt).toBe(false);
    expect(api.get()).not.toBe(state);
  });

  it('stateOf reads the same as get()', () => {
    const { api, model } = setup(record());
    expect(stateOf(model, 'rev-7')).toStrictEqual(api.get());
  });
});

describe('Crumb actions', () => {
  it('acceptAll and rejectAll decide with source "api"', () => {
    const { api, model } = setup();
    api.rejectAll();
    expect(model.decision()?.record).toMatchObject({
      source: 'api',
      categories: { analytics: false, marketing: false },
    });
    api.acceptAll();
    expect(model.decision()?.record).toMatchObject({
      source: 'api',
      categories: { analytics: true, marketing: true },
    });
  });

  it('set decides in part, keeping what is not named', () => {
    const { api } = setup(record({ categories: { analytics: true, marketing: false } }));
    api.set({ services: { twitter: true } });
    const state = api.get();
    expect(state.categories).toEqual({ necessary: true, analytics: true, marketing: false });
    expect(state.services).toEqual({ 'google-analytics': true, leadlander: false, twitter: true, facebook: false });
    expect(state.source).toBe('api');
  });

  it.each([[null], [undefined], ['analytics'], [true]])('set(%j) throws a TypeError and decides nothing', (arg) => {
    const { api, model } = setup();
    expect(() => api.set(arg as never)).toThrow(TypeError);
    expect(model.decision()).toBeUndefined();
  });

  it.each([
    [{ analytics: 'true' }, 'analytics = "true"'],
    [{ marketing: 1 }, 'marketing = 1'],
    [{ services: { 'googel-analytics': true } }, 'services["googel-analytics"] = true'],
    [{ services: { twitter: 'yes' } }, 'services["twitter"] = "yes"'],
    [{ services: ['twitter'] }, 'services = ["twitter"]'],
    [{ analytic: true }, 'analytic = true'],
    [{ necessary: false }, 'necessary = false'],
    [{ analytics: true, services: { nope: true } }, 'services["nope"] = true'],
  ])('set(%j) names the mistake in a TypeError and decides nothing (a typo never records a refusal)', (arg, named) => {
    const { api, model } = setup();
    expect(() => api.set(arg as never)).toThrow(TypeError);
    expect(() => api.set(arg as never)).toThrow(`Crumb.set(): ${named} is not allowed; nothing was changed.`);
    expect(() => api.set(arg as never)).toThrow('ids: google-analytics, leadlander, twitter, facebook.');
    expect(model.decision()).toBeUndefined();
  });

  it('set() takes undefined as not named, as its optional members allow: that stays as it is', () => {
    const { api } = setup();
    api.set({ analytics: true, marketing: undefined, services: { twitter: undefined } as never });
    expect(api.get().categories).toEqual({ necessary: true, analytics: true, marketing: false });
    api.set({ marketing: true, analytics: undefined, services: undefined });
    expect(api.get().categories).toEqual({ necessary: true, analytics: true, marketing: true });
    // An unknown id stays a mistake, whatever its value.
    expect(() => api.set({ services: { twiter: undefined } as never })).toThrow('services["twiter"] = undefined');
  });

  it('on("change") refuses what is not a function at once, instead of failing at every change', () => {
    const { api } = setup();
    expect(() => api.on('change', 'x' as never)).toThrow(
      'Crumb.on() takes "change" and a function, not "change" and string',
    );
    expect(() => api.on('click' as never, () => {})).toThrow(
      'Crumb.on() takes "change" and a function, not "click" and function',
    );
  });

  it('set takes back what get() gives (necessary: true included)', () => {
    const { api } = setup();
    api.set({ ...api.get().categories, analytics: true });
    expect(api.get().categories).toEqual({ necessary: true, analytics: true, marketing: false });
  });

  it('open opens the preferences, reset forgets the decision', () => {
    const { api, model } = setup(record());
    api.open();
    expect(model.isOpen()).toBe(true);
    api.reset();
    expect(model.decision()).toBeUndefined();
    expect(api.get().decided).toBe(false);
  });

  it('push runs the function at once with the API', () => {
    const { api } = setup();
    const fn = vi.fn();
    api.push(fn);
    expect(fn).toHaveBeenCalledWith(api);
    expect(() => api.push('not a function' as never)).not.toThrow();
  });

  it('carries the version', () => {
    expect(setup().api.version).toBe('9.9.9');
  });
});

describe("Crumb.on('change')", () => {
  const state = { decided: true } as CrumbState;

  it('calls listeners on notify, until they unsubscribe', () => {
    const { api, notify } = setup();
    const a = vi.fn();
    const b = vi.fn();
    const offA = api.on('change', a);
    api.on('change', b);
    notify(state);
    expect(a).toHaveBeenCalledWith(state);
    expect(b).toHaveBeenCalledTimes(1);
    offA();
    offA();
    notify(state);
    expect(a).toHaveBeenCalledTimes(1);
    expect(b).toHaveBeenCalledTimes(2);
  });

  it('isolates a listener that throws: the others still run, the error is logged', () => {
    const { api, notify } = setup();
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const after = vi.fn();
    api.on('change', () => {
      throw new Error('listener bug');
    });
    api.on('change', after);
    expect(() => notify(state)).not.toThrow();
    expect(after).toHaveBeenCalledWith(state);
    expect(error).toHaveBeenCalledTimes(1);
    expect(String(error.mock.calls[0][0])).toContain('on("change")');
  });

  it('lets a listener unsubscribe itself while being called without skipping the next', () => {
    const { api, notify } = setup();
    const second = vi.fn();
    const off = api.on('change', () => off());
    api.on('change', second);
    notify(state);
    expect(second).toHaveBeenCalledTimes(1);
  });

  it('throws a TypeError for an unknown event', () => {
    const { api } = setup();
    expect(() => api.on('ready' as 'change', () => {})).toThrow(TypeError);
  });
});

describe('actions called before the control is there', () => {
  it('are all there is on window.Crumb: nothing reaches inside', () => {
    const { api } = setup();
    expect(Object.keys(api).sort()).toEqual(
      ['acceptAll', 'get', 'on', 'open', 'push', 'rejectAll', 'reset', 'set', 'version'].sort(),
    );
  });

  function unconnected() {
    const model = createConsentModel(
      {
        services: BUILT_IN,
        revision: 'r',
        signals: { dnt: false, gpc: false },
        now: () => NOW,
        newId: idSequence('q'),
      },
      undefined,
    );
    const wake = vi.fn();
    const { api, connect } = createPublicApi(model, 'r', '1', wake);
    return { model, api, wake, connect };
  }

  it('wait, ask for it, and run in order once it is connected', () => {
    const { model, api, wake, connect } = unconnected();
    api.acceptAll();
    api.set({ marketing: false });
    expect(model.decision()).toBeUndefined();
    expect(api.get().decided).toBe(false);
    expect(wake).toHaveBeenCalledTimes(2);
    connect(apiActions(model));
    expect(api.get()).toMatchObject({ decided: true, categories: { analytics: true, marketing: false } });
    api.rejectAll();
    expect(api.get().categories.analytics).toBe(false);
    expect(wake).toHaveBeenCalledTimes(2);
  });

  it('report a mistake of a waiting set() on the console, and the calls after it still run', () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const { model, api, connect } = unconnected();
    api.set({ analytic: true } as never);
    api.acceptAll();
    connect(apiActions(model));
    expect(error).toHaveBeenCalledTimes(1);
    expect(String(error.mock.calls[0][1])).toMatch(/analytic = true is not allowed/);
    expect(api.get().categories.marketing).toBe(true);
  });
});
