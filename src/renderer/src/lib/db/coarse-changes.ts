/**
 * Large deletes tell live queries "this table changed" instead of listing every key. Dexie already
 * does so for adds and puts of 50 rows or more; for deletes it builds a tree of every deleted key,
 * merges it per request and clones it at commit for this window and the others (undo of a 50k-event
 * import: hundreds of ms in one task). Ranged deletes are told as the whole table too. A wider
 * change only makes a live query re-run, never miss one.
 */
import { RangeSet, type DBCore, type Middleware, type ObservabilitySet } from 'dexie'

/** Dexie's own bound: below it a write's keys are tracked one by one. */
export const WHOLE_TABLE_FROM = 50

export const coarseChanges: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'SourcelineCoarseChanges',
  create(down) {
    const dbName = down.schema.name
    return {
      ...down,
      table(name) {
        const table = down.table(name)
        const indexes = ['', ':dels', ...table.schema.indexes.map((i) => i.name)]
        const wholeTable = (): ObservabilitySet =>
          Object.fromEntries(
            indexes.map((index) => [
              `idb://${dbName}/${name}/${index}`,
              new RangeSet(down.MIN_KEY, down.MAX_KEY),
            ]),
          )
        return {
          ...table,
          mutate(req) {
            if (req.mutatedParts) return table.mutate(req)
            // A ranged delete (undo of an import deletes in ranges) is reported by Dexie on the
            // primary key only; other indexes are told too.
            if (
              req.type === 'deleteRange' ||
              (req.type === 'delete' && req.keys.length >= WHOLE_TABLE_FROM)
            )
              return table.mutate({ ...req, mutatedParts: wholeTable() })
            return table.mutate(req)
          },
        }
      },
    }
  },
}
