import { describe, expect, it } from 'vitest'
import { canonicalJson, deepEqual, sortKeysDeep } from './canonical'

describe('deepEqual', () => {
  it('ignores key order and undefined keys, and sees every difference', () => {
    expect(deepEqual({ a: 1, b: [1, { c: 2 }] }, { b: [1, { c: 2 }], a: 1 })).toBe(true)
    expect(deepEqual({ a: 1, b: undefined }, { a: 1 })).toBe(true)
    expect(deepEqual({ a: [1, 2] }, { a: [2, 1] })).toBe(false)
    expect(deepEqual({ a: null }, { a: {} })).toBe(false)
    expect(deepEqual([], {})).toBe(false)
    expect(deepEqual({ a: 1 }, { a: 1, b: 2 })).toBe(false)
    expect(deepEqual(Number.NaN, Number.NaN)).toBe(true)
    expect(deepEqual(undefined, null)).toBe(false)
  })

  it('compares dates by time and binary data by bytes', () => {
    expect(deepEqual(new Date(5), new Date(5))).toBe(true)
    expect(deepEqual(new Date(5), new Date(6))).toBe(false)
    expect(deepEqual(new Date(5), 5)).toBe(false)
    expect(deepEqual(new Uint8Array([1, 2]), new Uint8Array([1, 2]).buffer)).toBe(true)
    expect(deepEqual(new Uint8Array([1, 2]), new Uint8Array([1, 3]))).toBe(false)
    expect(deepEqual(new Uint8Array([1, 2]), [1, 2])).toBe(false)
    expect(deepEqual({}, new Uint8Array([]))).toBe(false)
  })
})

describe('canonicalJson', () => {
  it('gives equal text for equal content, whatever the key order', () => {
    const a = canonicalJson({ b: [1, { d: 1, c: 2 }], a: 'x', z: undefined })
    expect(a).toBe('{"a":"x","b":[1,{"c":2,"d":1}]}')
    expect(canonicalJson({ a: 'x', b: [1, { c: 2, d: 1 }] })).toBe(a)
  })

  it('sorts integer-like keys as text too, as the key order of a file would', () => {
    expect(canonicalJson({ 10: 'a', 9: 'b', x: 1 })).toBe('{"10":"a","9":"b","x":1}')
  })

  it('agrees with deepEqual', () => {
    const values = [{ a: 1 }, { a: 1, b: undefined }, { a: 2 }, [1, 2], [2, 1], 'x', null]
    for (const x of values)
      for (const y of values) expect(canonicalJson(x) === canonicalJson(y)).toBe(deepEqual(x, y))
  })
})

describe('sortKeysDeep', () => {
  it('orders keys at every level and drops undefined ones', () => {
    const sorted = sortKeysDeep({ b: { y: 1, x: [{ q: 1, p: 2 }] }, a: undefined, c: 3 })
    expect(JSON.stringify(sorted)).toBe('{"b":{"x":[{"p":2,"q":1}],"y":1},"c":3}')
  })
})
