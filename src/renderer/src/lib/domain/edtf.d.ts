/**
 * The part of the `edtf` package (4.x, untyped ESM) that dates.ts uses: parse a string into a
 * Date, Season, Year, Decade, Century, Interval, Set or List object and read its bounds.
 * Written from node_modules/edtf/src; only what we rely on is declared.
 */
declare module 'edtf' {
  /** Uncertain/approximate/unspecified flags. Bits: year digits 0–3, month 4–5, day 6–7. */
  export interface EdtfBitmask {
    readonly value: number
  }

  interface EdtfBase {
    /** Earliest instant in ms UTC; -Infinity for an open start, null for an unknown one. */
    readonly min: number | null
    /** Latest instant in ms UTC; Infinity for an open end, null for an unknown one. */
    readonly max: number | null
    /** The value written back as (normalised) EDTF. */
    readonly edtf: string
  }

  export interface EdtfDate extends EdtfBase {
    readonly type: 'Date'
    /** 1 year, 2 month, 3 day; 0 for a full date-time. */
    readonly precision: number
    /** [year, month (0-based), day] up to the precision. */
    readonly values: number[]
    readonly uncertain: EdtfBitmask
    readonly approximate: EdtfBitmask
    readonly unspecified: EdtfBitmask
  }

  export interface EdtfSeason extends EdtfBase {
    readonly type: 'Season'
    readonly year: number
    /** 21–41: seasons, hemisphere seasons, quarters, quadrimesters, semesters. */
    readonly season: number
    readonly uncertain: EdtfBitmask
    readonly approximate: EdtfBitmask
    readonly unspecified: EdtfBitmask
  }

  /** 'Y'-prefixed years and years with significant digits ('1950S2'). */
  export interface EdtfYear extends EdtfBase {
    readonly type: 'Year'
    readonly year: number
    readonly significant: number
  }

  export interface EdtfDecade extends EdtfBase {
    readonly type: 'Decade'
    readonly decade: number
    readonly uncertain: boolean
    readonly approximate: boolean
  }

  export interface EdtfCentury extends EdtfBase {
    readonly type: 'Century'
    readonly century: number
    readonly uncertain: boolean
    readonly approximate: boolean
  }

  export interface EdtfInterval extends EdtfBase {
    readonly type: 'Interval'
    /** Infinity for an open end ('..'), null for an unknown one (''). */
    readonly lower: EdtfDate | EdtfSeason | number | null
    readonly upper: EdtfDate | EdtfSeason | number | null
  }

  export interface EdtfList extends EdtfBase {
    readonly type: 'Set' | 'List'
    /** Single dates and [first, last] ranges ('2018..2020'). */
    readonly values: (EdtfDate | [EdtfDate, EdtfDate])[]
    /** '..' before the first value: any earlier date too. */
    readonly earlier: boolean
    /** '..' after the last value: any later date too. */
    readonly later: boolean
  }

  export type EdtfValue =
    EdtfDate | EdtfSeason | EdtfYear | EdtfDecade | EdtfCentury | EdtfInterval | EdtfList

  /** Parses EDTF (up to level 2); throws on anything it rejects. Given a parsing, builds it. */
  export default function edtf(input: string | { type: string }): EdtfValue

  /** The constraints `parse` applies unless told otherwise. */
  export const defaults: {
    readonly level: number
    readonly types: readonly string[]
    readonly seasonIntervals: boolean
    readonly seasonUncertainty: boolean
  }
}
