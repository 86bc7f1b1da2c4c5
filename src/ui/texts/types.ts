/** Every text the widget shows. Languages are files of this shape; the JSON config can override any key. */
export interface Texts {
  /** Accessible name of the banner region. QA suites rely on the English one: "Cookie consent". */
  bannerLabel: string;
  bannerTitle: string;
  bannerText: string;
  policyLink: string;
  acceptAll: string;
  rejectAll: string;
  customize: string;
  /** Title and accessible name of the preferences dialog: "Privacy preferences". */
  preferencesTitle: string;
  preferencesIntro: string;
  necessary: string;
  necessaryDescription: string;
  analytics: string;
  analyticsDescription: string;
  marketing: string;
  marketingDescription: string;
  alwaysOn: string;
  cookies: string;
  vendorPolicy: string;
  save: string;
  close: string;
  reopen: string;
  consentId: string;
  /** Shown when a privacy signal was honoured; `{signal}` is "Do Not Track" or "Global Privacy Control". */
  signalHonoured: string;
  /** In place of a gated iframe: `{provider}` is e.g. "YouTube", `{purpose}` the category or service names. */
  embedNotice: string;
  /** The placeholder's button that grants the iframe's consent. */
  embedAllow: string;
  /** One per built-in service: what it does. */
  googleAnalyticsPurpose: string;
  leadlanderPurpose: string;
  twitterPurpose: string;
  facebookPurpose: string;
}

export type TextKey = keyof Texts;
export type TextOverrides = Partial<Texts>;

/** The texts of the first layer: the banner and the "Cookie settings" button, carried by the widget chunk. */
export type BannerTexts = Pick<
  Texts,
  'bannerLabel' | 'bannerTitle' | 'bannerText' | 'policyLink' | 'acceptAll' | 'rejectAll' | 'customize' | 'reopen'
>;
