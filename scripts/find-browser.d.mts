/** Types for find-browser.mjs, so playwright.config.ts and the e2e fixtures can import it. */
export declare const CHROMIUM_ARGS: readonly string[]
export declare function findChromium(): string | undefined
export declare const ELECTRON_SPECS_COMMAND: string
export declare function findElectron():
  { binary: string; reason?: undefined } | { binary?: undefined; reason: string }
