/** Types for bench-phases.mjs, for its unit test. */
export declare const PHASES: string[]
export declare const PHASES_USAGE: string
export declare function resolvePhases(text: string | null | undefined): {
  run: Set<string>
  added: { phase: string; by: string }[]
}
