import { describe, expect, it } from 'vitest';
import { readPrivacySignals } from '../../src/privacy/read-privacy-signals';

type Win = Parameters<typeof readPrivacySignals>[0];
const withNavigator = (navigator: Record<string, unknown>, extra: Record<string, unknown> = {}): Win =>
  ({ navigator, ...extra }) as Win;

describe('readPrivacySignals: Do Not Track', () => {
  it.each([
    ['1', true],
    ['yes', true],
    ['unspecified', false],
    ['0', false],
    ['no', false],
    [null, false],
    [undefined, false],
    [1, false],
    [true, false],
    ['YES', false],
  ])('navigator.doNotTrack = %j gives dnt %s', (value, dnt) => {
    expect(readPrivacySignals(withNavigator({ doNotTrack: value }))).toEqual({ dnt, gpc: false });
  });

  it.each([
    ['1', true],
    ['yes', true],
    ['0', false],
    [null, false],
  ])('window.doNotTrack = %j gives dnt %s', (value, dnt) => {
    expect(readPrivacySignals(withNavigator({}, { doNotTrack: value })).dnt).toBe(dnt);
  });

  it.each([
    ['1', true],
    ['yes', true],
    ['0', false],
    [null, false],
  ])('navigator.msDoNotTrack = %j gives dnt %s', (value, dnt) => {
    expect(readPrivacySignals(withNavigator({ msDoNotTrack: value })).dnt).toBe(dnt);
  });

  it('counts any one of the three places', () => {
    expect(readPrivacySignals(withNavigator({ doNotTrack: 'unspecified', msDoNotTrack: '1' })).dnt).toBe(true);
    expect(readPrivacySignals(withNavigator({ doNotTrack: '0' }, { doNotTrack: '1' })).dnt).toBe(true);
  });
});

describe('readPrivacySignals: Global Privacy Control', () => {
  it.each([
    [true, true],
    [false, false],
    ['1', false],
    ['true', false],
    [1, false],
    [undefined, false],
    [null, false],
  ])('navigator.globalPrivacyControl = %j gives gpc %s', (value, gpc) => {
    expect(readPrivacySignals(withNavigator({ globalPrivacyControl: value }))).toEqual({ dnt: false, gpc });
  });

  it('reads both signals independently', () => {
    expect(readPrivacySignals(withNavigator({ doNotTrack: '1', globalPrivacyControl: true }))).toEqual({
      dnt: true,
      gpc: true,
    });
  });
});

describe('readPrivacySignals without a navigator', () => {
  it('reads no signal and does not throw', () => {
    expect(readPrivacySignals({} as Win)).toEqual({ dnt: false, gpc: false });
    expect(readPrivacySignals({ navigator: null } as Win)).toEqual({ dnt: false, gpc: false });
  });

  it('still reads window.doNotTrack', () => {
    expect(readPrivacySignals({ doNotTrack: '1' } as Win)).toEqual({ dnt: true, gpc: false });
  });
});
