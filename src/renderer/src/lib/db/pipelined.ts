/**
 * Bulk requests with the next one sent before the last has answered: while the store works on
 * one part, the window clones and sends the next (a large import or undo otherwise left the window
 * idle for a third of the time, waiting on each part in turn). Inside one transaction IndexedDB
 * still runs the requests in the order sent, so all-or-nothing holds.
 */

/**
 * Sends `request(part)` for each part, at most two in flight, and hands each answer to `then` in
 * order. A failed request's error is thrown where its answer is awaited; one sent after it is
 * left to the transaction's abort.
 */
export async function pipelined<P, R>(
  parts: Iterable<P>,
  request: (part: P) => Promise<R>,
  then: (answer: R, part: P) => void = () => {},
): Promise<void> {
  let waiting: { part: P; answer: Promise<R> } | null = null
  for (const part of parts) {
    const answer = request(part)
    // Heard here so that it is never "unhandled"; awaited below, where it throws.
    answer.catch(() => undefined)
    if (waiting) then(await waiting.answer, waiting.part)
    waiting = { part, answer }
  }
  if (waiting) then(await waiting.answer, waiting.part)
}
