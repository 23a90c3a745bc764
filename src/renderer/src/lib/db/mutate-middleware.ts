/**
 * The shape every write-watching DBCore middleware of ours shares: each table's write requests
 * pass through `mutate` (given the table below and the request) before they are made.
 */
import type {
  DBCore,
  DBCoreMutateRequest,
  DBCoreMutateResponse,
  DBCoreTable,
  Middleware,
} from 'dexie'

export function mutateMiddleware(
  name: string,
  mutate: (table: DBCoreTable, req: DBCoreMutateRequest) => Promise<DBCoreMutateResponse>,
): Middleware<DBCore> {
  return {
    stack: 'dbcore',
    name,
    create(down) {
      return {
        ...down,
        table(tableName) {
          const table = down.table(tableName)
          return { ...table, mutate: (req) => mutate(table, req) }
        },
      }
    },
  }
}
