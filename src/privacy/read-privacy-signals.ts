/** The browser's privacy signals. Neither is ever read as consent. */
export interface PrivacySignals {
  /** Do Not Track is on. */
  dnt: boolean;
  /** Global Privacy Control is on. */
  gpc: boolean;
}

type SignalNavigator = { doNotTrack?: string | null; msDoNotTrack?: string | null; globalPrivacyControl?: boolean };
type SignalWindow = { doNotTrack?: string | null; navigator: unknown };

const on = (value: unknown) => value === '1' || value === 'yes';

/** Reads DNT (`navigator.doNotTrack`, `window.doNotTrack`, `navigator.msDoNotTrack`) and GPC from the given globals. */
export function readPrivacySignals(win: SignalWindow): PrivacySignals {
  const nav = (win.navigator || {}) as SignalNavigator;
  return {
    dnt: on(nav.doNotTrack) || on(win.doNotTrack) || on(nav.msDoNotTrack),
    gpc: nav.globalPrivacyControl === true,
  };
}
