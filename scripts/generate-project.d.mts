// Types for generate-project.mjs, for the unit test that checks its files pass the real check.
export declare const CATEGORY_IDS: string[]
export declare function generateProject(events: number, options?: { seed?: number }): unknown
export declare function recordCount(project: unknown): number
