/**
 * Word segmentation. Runs of letters, marks and digits are words in scripts that put spaces
 * between words; runs in scripts that do not (Thai, Lao, Khmer, Myanmar, Chinese, Japanese) are
 * cut with Intl.Segmenter's dictionaries. Ranges are UTF-16 indices of the text given.
 */

export interface Word {
  start: number
  end: number
  text: string
}

const RUN = /[\p{L}\p{M}\p{N}]+/gu
const UNSPACED =
  /[\u0E00-\u0EFF\u1000-\u109F\u1780-\u17FF\u19E0-\u19FF\u3040-\u30FF\u3400-\u9FFF\uF900-\uFAFF]/u

let segmenter: Intl.Segmenter | null = null

function wordSegmenter(): Intl.Segmenter {
  segmenter ??= new Intl.Segmenter('und', { granularity: 'word' })
  return segmenter
}

/** True when the text holds a script written without spaces between words. */
export function hasUnspacedScript(text: string): boolean {
  return UNSPACED.test(text)
}

/** Runs of letters, marks and digits, without dictionary cuts: words between known breaks. */
export function runs(text: string): string[] {
  return text.match(RUN) ?? []
}

/**
 * The words of `text`, in order. Runs in scripts without spaces are cut by the dictionary (slow)
 * only where `cut(run)` says their words are wanted; the others are left out.
 */
export function words(text: string, cut: (run: string) => boolean = () => true): Word[] {
  const result: Word[] = []
  for (const run of text.matchAll(RUN)) {
    const at = run.index
    const runText = run[0]
    if (!UNSPACED.test(runText)) {
      result.push({ start: at, end: at + runText.length, text: runText })
      continue
    }
    if (!cut(runText)) continue
    for (const part of wordSegmenter().segment(runText)) {
      if (!part.isWordLike) continue
      result.push({
        start: at + part.index,
        end: at + part.index + part.segment.length,
        text: part.segment,
      })
    }
  }
  return result
}
