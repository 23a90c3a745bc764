import { describe, expect, it } from 'vitest'
import { REPORTS_AHEAD, ReportPacer, failureName } from './report-pacer'

const settle = () => new Promise((resolve) => setTimeout(resolve, 0))

/** Whether `waiting` has resolved by the next task. */
async function woke(waiting: PromiseLike<unknown> | undefined): Promise<boolean> {
  let done = false
  void waiting?.then(() => (done = true))
  await settle()
  return done
}

describe('ReportPacer', () => {
  it('waits only while the window is more than REPORTS_AHEAD reports behind', async () => {
    const pacer = new ReportPacer(new AbortController().signal)
    for (let i = 0; i < REPORTS_AHEAD; i++) pacer.next()
    expect(pacer.pace()).toBeUndefined()
    pacer.next()
    const waiting = pacer.pace()
    expect(waiting).toBeDefined()
    expect(await woke(waiting)).toBe(false)
    pacer.taken(1)
    expect(await woke(waiting)).toBe(true)
    expect(pacer.pace()).toBeUndefined()
  })

  it('with no reports ahead allowed, waits until the last report is taken', async () => {
    const pacer = new ReportPacer(new AbortController().signal)
    const last = pacer.next()
    const waiting = pacer.pace(0)
    expect(waiting).toBeDefined()
    expect(await woke(waiting)).toBe(false)
    pacer.taken(last)
    expect(await woke(waiting)).toBe(true)
    expect(pacer.pace(0)).toBeUndefined()
  })

  it('stops waiting for good once its signal aborts', async () => {
    const stop = new AbortController()
    const pacer = new ReportPacer(stop.signal)
    for (let i = 0; i <= REPORTS_AHEAD; i++) pacer.next()
    const waiting = pacer.pace()
    stop.abort()
    expect(await woke(waiting)).toBe(true)
    pacer.next()
    expect(pacer.pace(0)).toBeUndefined()
  })
})

describe('failureName', () => {
  it('names a wrapped failure by its cause, so a full disk is still told as one', () => {
    const wrapped = Object.assign(new Error('Transaction aborted'), {
      name: 'AbortError',
      inner: { name: 'QuotaExceededError' },
    })
    expect(failureName(wrapped)).toEqual({
      name: 'QuotaExceededError',
      message: 'Transaction aborted',
    })
    expect(failureName('plain')).toEqual({ name: 'Error', message: 'plain' })
  })
})
