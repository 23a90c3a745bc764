import { describe, expect, it } from 'vitest'
import {
  cleanField,
  datingFrom,
  deleteConsequence,
  initialDateText,
  pastedFile,
  previewParagraphs,
  reviewDate,
  reviewUrl,
  cleanFileName,
  withoutDirectionControls,
} from './review'

const FILE_DATE = { text: 'Monday, 27 March 2023', edtf: '2023-03-27' }

describe('the date field', () => {
  it('starts from the EDTF the file was read as, or the file’s own words', () => {
    expect(initialDateText(FILE_DATE)).toBe('2023-03-27')
    expect(initialDateText({ text: 'Spring-ish', edtf: null })).toBe('Spring-ish')
    expect(initialDateText({ text: '', edtf: null })).toBe('')
    expect(initialDateText(null)).toBe('')
  })

  it('says a date back in words and refuses what it cannot read', () => {
    expect(reviewDate('27 March 2023', null)).toEqual({
      kind: 'ok',
      edtf: '2023-03-27',
      words: expect.stringContaining('27 March 2023'),
    })
    expect(reviewDate('next Tuesday', null).kind).toBe('error')
  })

  it('offers to keep an article undated, never inventing a date', () => {
    expect(reviewDate('  ', { text: '', edtf: null })).toEqual({
      kind: 'empty',
      message: 'No date in the file — leave empty to keep it undated.',
    })
    const unreadable = reviewDate('', { text: 'Spring-ish', edtf: null })
    expect(unreadable.kind).toBe('empty')
    expect(unreadable.kind === 'empty' && unreadable.message).toContain('“Spring-ish”')
    expect(datingFrom('', { text: '', edtf: null })).toEqual({
      edtf: null,
      note: 'No date in the file.',
    })
    expect(datingFrom('', { text: 'Spring-ish', edtf: null })).toMatchObject({ edtf: null })
  })

  it('notes where a stored date came from', () => {
    expect(datingFrom('2023-03-27', FILE_DATE)).toEqual({
      edtf: '2023-03-27',
      note: 'As the file gives it: “Monday, 27 March 2023”.',
    })
    expect(datingFrom('March 2023', FILE_DATE)).toEqual({
      edtf: '2023-03',
      note: 'Entered by hand as “March 2023”.',
    })
    expect(datingFrom('soonish', FILE_DATE)).toHaveProperty('error')
  })

  it('keeps an edited article’s date and note when the date is not changed', () => {
    const previous = { edtf: '2023-03-27', note: 'As the file gives it: “27/3/23”.' }
    expect(datingFrom('27 March 2023', null, previous)).toBe(previous)
    const undated = { edtf: null, note: 'No date in the file.' }
    expect(datingFrom('', null, undated)).toBe(undated)
  })
})

describe('the address field', () => {
  it('takes http and https addresses only', () => {
    expect(reviewUrl('')).toEqual({ ok: true, url: null })
    expect(reviewUrl(' https://example.org/a ')).toEqual({ ok: true, url: 'https://example.org/a' })
    expect(reviewUrl(['javascript', 'alert(1)'].join(':')).ok).toBe(false)
    expect(reviewUrl('example.org/a').ok).toBe(false)
    expect(reviewUrl('ftp://example.org/a').ok).toBe(false)
  })
})

describe('direction controls in short fields', () => {
  it('are removed and counted', () => {
    expect(withoutDirectionControls('report\u202Efdp.exe')).toEqual({
      text: 'reportfdp.exe',
      removed: 1,
    })
    expect(cleanField('  A \u2067title\u2069  here ')).toEqual({ text: 'A title here', removed: 2 })
    expect(cleanField('Plain')).toEqual({ text: 'Plain', removed: 0 })
  })

  it('leave file names readable and never empty', () => {
    expect(cleanFileName('evil\u202Elmth.txt')).toBe('evillmth.txt')
    expect(cleanFileName('a\u0000b.md')).toBe('ab.md')
    expect(cleanFileName('\u202E')).toBe('article')
  })
})

describe('the preview', () => {
  it('shows the first paragraphs, long ones cut', () => {
    const body = ['One.', 'Two.', 'Three.', 'Four.'].join('\n\n')
    expect(previewParagraphs(body)).toEqual(['One.', 'Two.', 'Three.'])
    const long = 'x'.repeat(500)
    expect(previewParagraphs(long, 1, 10)).toEqual(['xxxxxxxxx…'])
  })
})

describe('pasted text', () => {
  const now = new Date(2026, 10, 23, 9, 5, 7)

  it('prefers HTML, names the file after the moment it was pasted', () => {
    expect(pastedFile('<p>Hi</p>', 'Hi', now)).toEqual({
      name: 'Pasted 2026-11-23 09.05.07.html',
      content: '<p>Hi</p>',
      type: 'text/html',
    })
    expect(pastedFile('', 'Hi', now)).toEqual({
      name: 'Pasted 2026-11-23 09.05.07.txt',
      content: 'Hi',
      type: 'text/plain',
    })
    expect(pastedFile(' ', '\n', now)).toBeNull()
  })
})

describe('deleting an imported article', () => {
  it('is offered, with undo, when nothing quotes it', () => {
    const result = deleteConsequence('A', 0, 0)
    expect(result.allowed).toBe(true)
    expect(result.message).toContain('Undo')
  })

  it('is refused, saying what quotes it', () => {
    expect(deleteConsequence('A', 1, 2)).toEqual({
      allowed: false,
      message:
        '“A” cannot be deleted while 1 piece of evidence and 2 highlights quote it: they would point at nothing. Delete those first; nothing has been changed.',
    })
    expect(deleteConsequence('A', 0, 1).message).toContain('1 highlight quotes it')
  })
})
