/**
 * The core's lazily loaded parts, each a file next to `crumb.js` (`crumb-<name>.js`) or a dynamic import in the ES
 * module. The widget (what the page shows and watches, and the control: what decides, stores and reacts) loads on
 * every page once the trackers are under way; the others only when needed: the UI when the preferences must be
 * shown, the activation when the page has gated markup, the receipts when the site has an endpoint for them, the
 * diagnostics when its configuration has a mistake.
 */
import type { createActivation } from './activation/gated-elements';
import type { ConfigProblem } from './config/types';
import type { takeOver } from './control';
import type { sendDecisionReceipt } from './receipts/send-receipt';
import type { startWidget } from './shell/widget';
import type { StoredProblem } from './storage/consent-storage';
import type { UiModule } from './ui/contract';
import type { BannerTexts } from './ui/texts/types';

export interface ChunkMap {
  /** `widget` stands for the widget chunk of the widget's language, `crumb-widget.<lang>.js`, with its banner texts. */
  widget: { startWidget: typeof startWidget; takeOver: typeof takeOver; texts: BannerTexts };
  diagnostics: {
    reportProblems(problems: readonly ConfigProblem[]): void;
    /** `asks`: whether the banner shows for it (no privacy signal decided instead). */
    warnStoredProblem(problem: StoredProblem, asks: boolean): void;
    /** One error for each element with `data-consent` that is not gated (it does not wait for consent). */
    reportMisgated(elements: readonly Element[]): void;
  };
  activation: { createActivation: typeof createActivation };
  /** Only on a site with `data-receipt-url`: a site without an endpoint carries no receipt code. */
  receipts: { sendDecisionReceipt: typeof sendDecisionReceipt };
  /** `ui` stands for the UI chunk of the widget's language, `crumb-ui.<lang>.js`. */
  ui: UiModule;
}
export type ChunkName = keyof ChunkMap;
/** What a chunk hands over: its exports and the version it was built as (the core refuses another one). */
export type Chunk<N extends ChunkName> = ChunkMap[N] & { version: string };
/** Fetches a chunk: `file` is `widget.<lang>`, `diagnostics`, `activation`, `receipts` or `ui.<lang>`. */
export type ChunkLoader = <N extends ChunkName>(name: N, file: string) => Promise<Chunk<N>>;

/** How an IIFE chunk finds the core that loaded it: a function on its own `<script>` element, so no global. */
export type ChunkScript = HTMLScriptElement & { crumb?: (chunk: unknown) => void };

/** Called by each chunk's entry script: hands its exports to the core that asked for it. */
export function handOver(exports: object): void {
  const script = document.currentScript as ChunkScript | null;
  // biome-ignore lint/complexity/useOptionalChain: the ES2019 build would lower `?.` into longer code.
  if (script && script.crumb) script.crumb({ ...exports, version: __CRUMB_VERSION__ });
}

/** For a chunk's callback: whatever it throws is reported, never left to the page as an unhandled rejection. */
export const failed =
  (what: string) =>
  (e: unknown): void =>
    console.error(`Crumb: ${what} failed:`, e);

const said = new Set<string>();
/** A console warning, once per page for each message (per chunk). */
export function warnOnce(message: string): void {
  if (!said.has(message)) console.warn(message);
  said.add(message);
}
