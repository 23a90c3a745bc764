/** Types for find-browser.mjs, so playwright.config.ts and the e2e fixtures can import it. */
export declare const CHROMIUM_ARGS: readonly string[]
export declare function findChromium(): string | undefined
