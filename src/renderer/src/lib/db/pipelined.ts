/**
 * Bulk requests with the next one sent before the last has answered: while the store works on
 * one part, the window clones and sends the next (a large import or undo otherwise left the window
 * idle for a third of the time, waiting on each part in turn). Inside one transaction IndexedDB
 * still runs the requests in the order sent, so all-or-nothing holds.
 */

/**
 * Sends `request(part)` for each part, at most two in flight, and hands each answer to `then` in
 * order, waiting for what `then` returns. A failed request's error is thrown where its answer is
 * awaited; one sent after it is left to the transaction's abort.
 */
export async function pipelined<P, R>(
  parts: Iterable<P>,
  request: (part: P) => Promise<R>,
  then: (answer: R, part: P) => void | PromiseLike<unknown> = () => {},
): Promise<void> {
  let waiting: { part: P; answer: Promise<R> } | null = null
  // What `then` returns is awaited only when there is something to wait for, and not through a
  // function of ours: inside a transaction an await of anything but Dexie's may lose its zone.
  for (const part of parts) {
    const answer = request(part)
    // Heard here so that it is never "unhandled"; awaited below, where it throws.
    answer.catch(() => undefined)
    if (waiting) {
      const waits = then(await waiting.answer, waiting.part)
      if (waits) await waits
    }
    waiting = { part, answer }
  }
  if (waiting) {
    const waits = then(await waiting.answer, waiting.part)
    if (waits) await waits
  }
}
