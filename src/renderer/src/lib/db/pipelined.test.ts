import { describe, expect, it } from 'vitest'
import { pipelined } from './pipelined'

/** A request the test answers by hand, recording when it was sent. */
function manual() {
  const sent: number[] = []
  const answers: ((value: string) => void)[] = []
  const fails: ((error: Error) => void)[] = []
  const request = (part: number) =>
    new Promise<string>((resolve, reject) => {
      sent.push(part)
      answers[part] = resolve
      fails[part] = reject
    })
  return { sent, answers, fails, request }
}

const turn = () => new Promise((resolve) => setTimeout(resolve, 0))

describe('pipelined', () => {
  it('sends the next part before the last has answered, never more than two, answers in order', async () => {
    const { sent, answers, request } = manual()
    const heard: string[] = []
    const running = pipelined([0, 1, 2, 3], request, (answer) => void heard.push(answer))
    await turn()
    expect(sent).toEqual([0, 1])
    answers[1]!('b')
    await turn()
    // The second answered first: still heard after the first, and no third part sent yet.
    expect(heard).toEqual([])
    expect(sent).toEqual([0, 1])
    answers[0]!('a')
    await turn()
    expect(heard).toEqual(['a', 'b'])
    expect(sent).toEqual([0, 1, 2, 3])
    answers[2]!('c')
    answers[3]!('d')
    await running
    expect(heard).toEqual(['a', 'b', 'c', 'd'])
  })

  it('throws the first failure and sends nothing after it', async () => {
    const { sent, fails, request } = manual()
    const running = pipelined([0, 1, 2, 3], request)
    await turn()
    fails[0]!(new Error('disk full'))
    fails[1]!(new Error('aborted'))
    await expect(running).rejects.toThrow('disk full')
    expect(sent).toEqual([0, 1])
  })

  it('waits for what `then` returns before sending more', async () => {
    const sent: number[] = []
    let release!: () => void
    const running = pipelined(
      [0, 1, 2, 3],
      async (part) => {
        sent.push(part)
        return part
      },
      (answer) => (answer === 0 ? new Promise<void>((r) => (release = r)) : undefined),
    )
    await turn()
    expect(sent).toEqual([0, 1])
    release()
    await running
    expect(sent).toEqual([0, 1, 2, 3])
  })

  it('stops where `then` throws', async () => {
    const sent: number[] = []
    const running = pipelined(
      [0, 1, 2, 3],
      async (part) => {
        sent.push(part)
        return part
      },
      (answer) => {
        if (answer === 1) throw new Error('changed since')
      },
    )
    await expect(running).rejects.toThrow('changed since')
    expect(sent).toEqual([0, 1, 2])
  })
})
