import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import type { StoredTimeline } from '../domain/timeline-snapshot'
import {
  TEXT_PART_CHARS,
  openTimelineCache,
  readTimelineCache,
  writeTimelineCache,
} from './timeline-cache'
import { scratchDatabases } from './test-stores'

let count = 0
const keep = scratchDatabases()

function open() {
  return keep(openTimelineCache(`timeline-cache-test-${process.pid}-${count++}`))
}

function storedWith(text: string): StoredTimeline {
  return {
    format: 1,
    source: 'test',
    generation: 'notes=1',
    total: 1,
    undated: 0,
    groups: ['law-policy'],
    group: new Uint8Array([0]),
    type: new Uint8Array([0]),
    classNames: [''],
    className: new Uint32Array([0]),
    starts: new Float64Array([0]),
    ends: new Float64Array([NaN]),
    text,
    cuts: new Uint32Array([0, 1, 2, text.length]),
  }
}

describe('the stored timeline index', () => {
  it('keeps a long text in parts of its own and reads it back whole', async () => {
    const db = open()
    // Two and a half parts, every part different, a Khmer word across a cut.
    const long =
      'a'.repeat(TEXT_PART_CHARS - 2) + 'ភ្នំពេញ' + 'b'.repeat(TEXT_PART_CHARS) + 'c'.repeat(12345)
    await writeTimelineCache(db, storedWith(long))
    expect(await db.snapshot.count()).toBe(1 + 3)
    const read = (await readTimelineCache(db)) as StoredTimeline
    expect(read.text.length).toBe(long.length)
    expect(read.text === long).toBe(true)
    expect(read.starts).toEqual(new Float64Array([0]))

    // A shorter index leaves no parts of the longer one behind.
    await writeTimelineCache(db, storedWith('short'))
    expect(await db.snapshot.count()).toBe(1 + 1)
    expect(((await readTimelineCache(db)) as StoredTimeline).text).toBe('short')
  })

  it('reads an index stored whole, and none where a part is missing', async () => {
    const db = open()
    await db.snapshot.put({ key: 'timeline', stored: storedWith('whole') })
    expect(((await readTimelineCache(db)) as StoredTimeline).text).toBe('whole')

    await writeTimelineCache(db, storedWith('x'.repeat(TEXT_PART_CHARS + 1)))
    await db.snapshot.delete('timeline:text:1')
    expect(await readTimelineCache(db)).toBeNull()
    expect(await readTimelineCache(open())).toBeNull()
  })
})
