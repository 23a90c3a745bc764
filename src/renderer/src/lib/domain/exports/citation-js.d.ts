/**
 * The part of Citation.js (`@citation-js/core` 0.8 with `@plugin-csl`, untyped CommonJS) that
 * the CSL export's test uses: read CSL-JSON and format a bibliography. Only that is declared.
 */
declare module '@citation-js/core' {
  export interface FormatOptions {
    format?: 'text' | 'html'
    template?: string
    lang?: string
  }

  export class Cite {
    constructor(data: unknown)
    /** The items as Citation.js cleaned them (CSL-JSON). */
    readonly data: Record<string, unknown>[]
    format(kind: 'bibliography' | 'data', options?: FormatOptions): string
  }
}

declare module '@citation-js/plugin-csl'
