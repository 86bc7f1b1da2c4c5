// Types for scripts/find-chromium.mjs, so that playwright.config.ts can import it under `tsc --noEmit`.

/** Where the Debian `chromium` package puts its launcher. */
export declare const SYSTEM_CHROMIUM: string;

/** Chromium flags for every launch: `--no-sandbox` as root, and no background networking. */
export declare function chromiumArgs(): string[];

/** $CHROMIUM_PATH or /usr/bin/chromium when the file exists; never installs anything. */
export declare function localChromium(): string | undefined;

/** A Chromium executable for the e2e tests, installing one if there is none; prints one line saying which. */
export declare function findChromium(): Promise<string>;
