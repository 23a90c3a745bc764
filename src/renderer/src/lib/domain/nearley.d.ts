/**
 * The part of `nearley` (the parser the `edtf` package's grammar is compiled for; CommonJS,
 * untyped) that edtf-parser.ts uses: a grammar built once from the compiled rules, and parsers
 * started over it.
 */
declare module 'nearley' {
  namespace nearley {
    class Grammar {
      static fromCompiled(rules: unknown, start?: string): Grammar
    }
    class Parser {
      constructor(grammar: Grammar)
      /** Feeds text; throws on a character no rule accepts. */
      feed(chunk: string): this
      /** Every complete parsing of what was fed so far. */
      results: unknown[]
    }
  }
  export default nearley
}
