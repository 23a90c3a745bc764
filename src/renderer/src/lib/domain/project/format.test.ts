import { describe, expect, it } from 'vitest'
import {
  MAX_PROBLEMS,
  MAX_PROJECT_BYTES,
  emptyProjectData,
  parseProjectFile,
  projectTooLarge,
  serializeProject,
  verifyProjectChecksums,
  type Project,
  type ProjectContext,
  type ProjectData,
  type ProjectParseResult,
} from './format'
import {
  BUNDLED_BODY,
  BUNDLED_ID,
  CURATED_EVENT,
  IMPORTED_BODY,
  makeImportedArticle,
  passage,
  testContext,
  validData,
  validProject,
  withRealChecksums,
} from './test-fixtures'

const META = {
  exportedAt: '2024-05-01T12:00:00.000Z',
  corpus: { title: 'Test corpus', articleIds: [BUNDLED_ID] },
}

function parse(text: string, context: ProjectContext = testContext()): ProjectParseResult {
  return parseProjectFile(text, context)
}

/** The problems for a file, failing the test if it was accepted. */
function problems(text: string, context?: ProjectContext): string[] {
  const result = parse(text, context)
  if (result.ok) throw new Error('the file was accepted')
  return result.problems
}

/** The valid project, changed by `edit`, as JSON text. */
function edited(edit: (project: Project) => void): string {
  const project = validProject()
  edit(project)
  return JSON.stringify(project)
}

describe('a valid project file', () => {
  it('is read back as the data it was written from', () => {
    const text = serializeProject(validData(), META)
    const result = parse(text)
    expect(result).toEqual({ ok: true, project: validProject() })
  })

  it('is written the same whatever order records and keys come in', () => {
    const data = validData()
    const shuffled = {
      ...data,
      notes: data.notes.toReversed().map((n) => Object.fromEntries(Object.entries(n).toReversed())),
      highlights: data.highlights.toReversed(),
    } as typeof data
    expect(serializeProject(shuffled, META)).toBe(serializeProject(data, META))
  })

  it('is pretty JSON that opens with its format version and app', () => {
    const text = serializeProject(validData(), META)
    expect(text.startsWith('{\n  "formatVersion": 1,\n  "app": "Sourceline",')).toBe(true)
    // Keys inside records in alphabetical order.
    expect(text.indexOf('"body"')).toBeLessThan(text.indexOf('"eventId"'))
  })

  it('accepts an empty project', () => {
    const empty = serializeProject(emptyProjectData(), META)
    expect(parse(empty).ok).toBe(true)
  })
})

describe('grades and explained conflicts', () => {
  const graded = (): ProjectData => ({
    ...validData(),
    grades: [
      {
        id: 'article:bundled-article',
        kind: 'article',
        targetId: BUNDLED_ID,
        grade: 'B',
        reason: 'Wire service',
        updatedAt: 5,
      },
      {
        id: `quote:${CURATED_EVENT}#0`,
        kind: 'quote',
        targetId: `${CURATED_EVENT}#0`,
        grade: '2',
        reason: '',
        updatedAt: 6,
      },
      {
        id: 'highlight:highlight-1',
        kind: 'highlight',
        targetId: 'highlight-1',
        grade: '6',
        reason: 'Hearsay',
        updatedAt: 7,
      },
    ],
    conflictNotes: [
      { id: `support:${CURATED_EVENT}`, note: 'Critics mean the timing.', updatedAt: 8 },
    ],
  })

  it('reads back every grade and note it wrote', () => {
    const result = parse(serializeProject(graded(), META))
    expect(result.ok && result.project.data.grades).toEqual(
      graded().grades.toSorted((a, b) => (a.id < b.id ? -1 : 1)),
    )
    expect(result.ok && result.project.data.conflictNotes).toEqual(graded().conflictNotes)
  })

  it('still reads a file written before grades existed', () => {
    const file = JSON.parse(serializeProject(validData(), META)) as {
      data: Record<string, unknown>
    }
    delete file.data['grades']
    delete file.data['conflictNotes']
    const result = parse(JSON.stringify(file))
    expect(result.ok).toBe(true)
    expect(result.ok && result.project.data.grades).toEqual([])
    expect(result.ok && result.project.data.conflictNotes).toEqual([])
  })

  it('refuses a grade a target cannot carry, a wrong id, and a grade of nothing', () => {
    const data = graded()
    data.grades = [
      { ...data.grades[0]!, grade: '2' },
      { ...data.grades[1]!, id: 'quote:other' },
      {
        id: 'highlight:nowhere',
        kind: 'highlight',
        targetId: 'nowhere',
        grade: '3',
        reason: '',
        updatedAt: 1,
      },
    ]
    const result = parse(serializeProject(data, META))
    expect(result.ok).toBe(false)
    const problems = result.ok ? [] : result.problems.join('\n')
    expect(problems).toContain('data.grades[0]: grade: not a grade this kind of target can carry')
    expect(problems).toContain('data.grades[2]: id: must be')
    // References are checked only once the schema passes: a file with just the dangling one.
    const dangling = parse(serializeProject({ ...graded(), grades: [data.grades[2]!] }, META))
    expect(dangling.ok ? [] : dangling.problems).toEqual([
      'data.grades[0].targetId: no highlight "nowhere" to grade',
    ])
  })
})

describe('size', () => {
  it('refuses a file over the limit before parsing it, giving its size', () => {
    const text = serializeProject(validData(), META)
    const [problem] = problems(text, testContext({ maxBytes: 1000 }))
    expect(problem).toMatch(/^The file is \d+\.\d kB; a project file can be at most 1 kB\.$/)
  })

  it('counts UTF-8 bytes, not characters', () => {
    // 400 characters, 800 bytes: not valid JSON either, but the size is checked first.
    expect(problems('é'.repeat(400), testContext({ maxBytes: 500 }))[0]).toMatch(
      /The file is 800 bytes; a project file can be at most 500 bytes/,
    )
    expect(problems('é'.repeat(400), testContext({ maxBytes: 800 }))[0]).toMatch(/not valid JSON/)
  })

  it('never rounds a file just over the limit down to the limit', () => {
    expect(problems('x'.repeat(1001), testContext({ maxBytes: 1000 }))).toEqual([
      'The file is 1.1 kB; a project file can be at most 1 kB.',
    ])
  })

  it('refuses a 401 MB file by default, without parsing it', { timeout: 60_000 }, () => {
    expect(MAX_PROJECT_BYTES).toBe(400_000_000)
    const text = 'x'.repeat(401_000_000)
    const started = performance.now()
    expect(problems(text)).toEqual(['The file is 401 MB; a project file can be at most 400 MB.'])
    // Counting the bytes of 401 M characters takes a few seconds on a loaded machine; parsing far more.
    expect(performance.now() - started).toBeLessThan(15_000)
  })
})

describe('JSON syntax', () => {
  it('says a file cut short anywhere ends early', () => {
    const text = serializeProject(validData(), META)
    for (const length of [1, 2, 20, 100, Math.floor(text.length / 2), text.length - 3]) {
      expect(problems(text.slice(0, length)), `cut at ${length}`).toEqual([
        'The file is not valid JSON: the file ends early (truncated?).',
      ])
    }
  })

  it('gives the line and column of a syntax error', () => {
    expect(problems('{\n  "formatVersion": 1,,\n}')).toEqual([
      `The file is not valid JSON at line 2, column 22: Expected double-quoted property name.`,
    ])
  })

  it('says an empty file is empty', () => {
    expect(problems('')).toEqual(['The file is empty.'])
    expect(problems('  \n')).toEqual(['The file is empty.'])
  })
})

describe('forbidden keys', () => {
  it('refuses __proto__ at the top level', () => {
    const text = `{"__proto__": {"polluted": true}, "formatVersion": 1}`
    expect(problems(text)[0]).toMatch(/^__proto__: the key "__proto__" is not allowed/)
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined()
  })

  it('refuses __proto__ nested inside a record, naming where', () => {
    const text = serializeProject(validData(), META).replace(
      '"body": "Check the *date*.",',
      '"body": "Check the *date*.", "__proto__": {"isAdmin": true},',
    )
    expect(problems(text)).toEqual([
      'data.notes[0].__proto__: the key "__proto__" is not allowed in a project file (it could ' +
        "change how the app's objects behave); the file was refused.",
    ])
  })

  it('refuses __proto__ written with escapes in the JSON key', () => {
    const text = edited((p) => {
      p.data.highlights[0]!.tags = ['x']
    }).replace('"tags":["x"]', '"tags":["x"],"\\u005f\\u005fproto\\u005f\\u005f":{}')
    expect(text).toContain('\\u005f\\u005fproto')
    expect(problems(text)[0]).toMatch(/^data\.highlights\[0\]\.__proto__: the key "__proto__"/)
  })

  it('refuses constructor and prototype keys', () => {
    expect(problems('{"data": {"constructor": {"prototype": 1}}}')[0]).toMatch(
      /^data\.constructor: the key "constructor" is not allowed/,
    )
    expect(problems('{"a": [{"prototype": 1}]}')[0]).toMatch(
      /^a\[0\]\.prototype: the key "prototype" is not allowed/,
    )
  })

  it('allows those words as values', () => {
    const text = edited((p) => {
      p.data.notes[0]!.body = '__proto__ constructor prototype'
      p.data.highlights[0]!.tags = ['__proto__']
    })
    expect(parse(text).ok).toBe(true)
  })
})

describe('nesting', () => {
  it('refuses nesting deeper than 64 levels, naming where', () => {
    const deep = '['.repeat(70) + ']'.repeat(70)
    const [problem] = problems(`{"formatVersion": 1, "data": ${deep}}`)
    expect(problem).toMatch(/^data(\[0\]){63}: nested more than 64 levels deep/)
  })

  it('copes with a million levels without overflowing the stack', () => {
    const deep = '['.repeat(1_000_000) + ']'.repeat(1_000_000)
    expect(problems(deep)[0]).toMatch(/nested more than 64 levels deep/)
  })
})

describe('the envelope', () => {
  it('refuses what is not an object', () => {
    expect(problems('[]')).toEqual(['This is not a Sourceline project: the file holds a list.'])
    expect(problems('"text"')).toEqual([
      'This is not a Sourceline project: the file holds a string.',
    ])
    expect(problems('null')).toEqual(['This is not a Sourceline project: the file holds null.'])
  })

  it('refuses a file without formatVersion', () => {
    expect(problems(edited((p) => Reflect.deleteProperty(p, 'formatVersion')))).toEqual([
      'This is not a Sourceline project: it has no formatVersion.',
    ])
  })

  it('refuses a file from a newer version, saying which format it is', () => {
    expect(problems(edited((p) => Object.assign(p, { formatVersion: 7 })))).toEqual([
      'This project was made by a newer Sourceline (format 7); this version reads format 1. ' +
        'Update Sourceline to open it.',
    ])
  })

  it('refuses a format version that is not one', () => {
    expect(problems(edited((p) => Object.assign(p, { formatVersion: '1' })))).toEqual([
      'formatVersion: "1" is not a format version.',
    ])
    expect(problems(edited((p) => Object.assign(p, { formatVersion: 0 })))[0]).toMatch(
      /0 is not a format/,
    )
  })

  it('refuses a file from another app', () => {
    expect(problems(edited((p) => Object.assign(p, { app: 'Zotero' })))).toEqual([
      'This file was not made by Sourceline: app is "Zotero", expected "Sourceline".',
    ])
  })
})

describe('schema', () => {
  it('names the path of each wrong field', () => {
    const text = edited((p) => {
      Object.assign(p.data.highlights[0]!.position, { end: 43.5 })
      Object.assign(p.data.notes[1]!, { body: 42 })
    })
    expect(problems(text)).toEqual([
      'data.notes[1].body: expected string, found 42',
      'data.highlights[0].position.end: Invalid integer: Received 43.5',
    ])
  })

  it('names missing and unexpected fields', () => {
    const text = edited((p) => {
      delete (p.data as Partial<typeof p.data>).notes
      Object.assign(p.data.userEvents[0]!, { colour: 'red' })
      delete (p.corpus as Partial<typeof p.corpus>).title
    })
    expect(problems(text)).toEqual([
      'corpus.title: missing',
      'data.notes: missing',
      'data.userEvents[0].colour: unexpected field (this format has no such field)',
    ])
  })

  it('refuses wrong shapes: a table that is not a list, a bad stance, a bad category', () => {
    const text = edited((p) => {
      Object.assign(p.data, { entityEdits: {} })
      Object.assign(p.data.evidence[0]!, { stance: 'maybe' })
      Object.assign(p.data.userEvents[0]!, { category: 'weather' })
    })
    const found = problems(text)
    expect(found).toContainEqual('data.entityEdits: expected Array, found Object')
    expect(found).toContainEqual(expect.stringMatching(/^data\.evidence\[0\]\.stance: expected/))
    expect(found).toContainEqual(
      expect.stringMatching(/^data\.userEvents\[0\]\.category: expected/),
    )
  })

  it('refuses an entity edit of an unknown kind', () => {
    const text = edited((p) => (p.data.entityEdits[0]!.edit = { type: 'delete', id: 'x' }))
    expect(problems(text)[0]).toMatch(/^data\.entityEdits\[0\]\.edit\.type: expected/)
  })

  it('refuses absurd sizes: text fields, lists, tables', { timeout: 60_000 }, () => {
    const text = edited((p) => {
      p.data.notes[0]!.body = 'x'.repeat(5_000_001)
      p.data.highlights[0]!.tags = Array.from({ length: 10_001 }, () => 't')
      p.data.entityEdits = Array.from({ length: 250_001 }, (_, i) => ({
        id: `e${i}`,
        createdAt: 0,
        edit: { type: 'alias', id: 'a', alias: 'b' },
      }))
    })
    expect(problems(text)).toEqual([
      'data.entityEdits: has more than 250,000 entries',
      'data.notes[0].body: is longer than 5,000,000 characters',
      'data.highlights[0].tags: has more than 10,000 entries',
    ])
  })

  it('lists at most 20 problems, saying how many more there were', () => {
    const text = edited((p) => {
      p.data.notes = Array.from({ length: 30 }, (_, i) => ({
        id: `n${i}`,
        eventId: CURATED_EVENT,
        body: 'x',
        createdAt: -1,
        updatedAt: 0,
      }))
    })
    const found = problems(text)
    expect(found).toHaveLength(MAX_PROBLEMS + 1)
    expect(found[0]).toBe('data.notes[0].createdAt: is before 1970')
    expect(found.at(-1)).toBe('…and 10 more.')
  })

  it('refuses a bad id and a bad export time', () => {
    const text = edited((p) => {
      p.data.notes[0]!.id = 'has spaces'
      p.exportedAt = 'yesterday'
    })
    expect(problems(text)).toEqual([
      'exportedAt: is not an ISO 8601 date and time',
      'data.notes[0].id: an id is letters, digits and - _ . : only',
    ])
  })
})

describe('references', () => {
  it('refuses a note, evidence or annotation on an unknown event', () => {
    const text = edited((p) => {
      p.data.notes[0]!.eventId = 'no-such-event'
      p.data.evidence[1]!.eventId = 'gone'
      p.data.eventAnnotations[0]!.eventId = 'gone-too'
    })
    expect(problems(text)).toEqual([
      'data.notes[0].eventId: no event "no-such-event": it is neither a curated event nor one ' +
        "of the file's own events",
      'data.evidence[1].eventId: no event "gone": it is neither a curated event nor one of ' +
        "the file's own events",
      'data.eventAnnotations[0].eventId: no event "gone-too": it is neither a curated event nor ' +
        "one of the file's own events",
    ])
  })

  it("accepts notes on the file's own events and on curated ones", () => {
    expect(parse(JSON.stringify(validProject())).ok).toBe(true)
  })

  it('refuses a highlight or evidence on an unknown article', () => {
    const text = edited((p) => {
      p.data.highlights[1]!.articleId = 'missing-article'
      p.data.evidence[0]!.articleId = 'also-missing'
    })
    expect(problems(text)).toEqual([
      'data.highlights[1].articleId: no article "missing-article": it is neither a bundled ' +
        'article nor one imported in this file',
      'data.evidence[0].articleId: no article "also-missing": it is neither a bundled article ' +
        'nor one imported in this file',
    ])
  })

  it('refuses records that take the id of a bundled article or curated event', () => {
    const text = edited((p) => {
      p.data.userEvents[0]!.id = CURATED_EVENT
      p.data.articles[0]!.id = BUNDLED_ID
    })
    const found = problems(text)
    expect(found).toContain(
      `data.userEvents[0].id: "${CURATED_EVENT}" is the id of a curated event`,
    )
    expect(found).toContain(`data.articles[0].id: "${BUNDLED_ID}" is the id of a bundled article`)
  })
})

describe('the size refusal', () => {
  it('never shows a refused size as equal to the limit, whatever the limit', () => {
    expect(projectTooLarge(400_040_000)).toBe(
      'The file is 401 MB; a project file can be at most 400 MB.',
    )
    expect(projectTooLarge(10_485_761, 10_485_760)).toBe(
      'The file is 10.5 MB; a project file can be at most 10.4 MB.',
    )
  })
})

describe('encodings', () => {
  /** What a UTF-8 reader makes of the bytes of `text` in UTF-16 or UTF-32. */
  function misread(text: string, bytesPerChar: 2 | 4, littleEndian: boolean): string {
    const bytes = new Uint8Array(text.length * bytesPerChar)
    const view = new DataView(bytes.buffer)
    for (let i = 0; i < text.length; i++)
      if (bytesPerChar === 2) view.setUint16(i * 2, text.charCodeAt(i), littleEndian)
      else view.setUint32(i * 4, text.charCodeAt(i), littleEndian)
    return new TextDecoder('utf-8').decode(bytes)
  }

  it('names UTF-16 and UTF-32 without a byte-order mark, rather than a JSON column', () => {
    const text = serializeProject(validData(), META)
    expect(problems(misread(text, 2, true))).toEqual([
      'The file is in UTF-16 (little-endian), not UTF-8, so it cannot be read as a project file. ' +
        'Save it as UTF-8 and try again.',
    ])
    expect(problems(misread(text, 2, false))[0]).toMatch(/^The file is in UTF-16 \(big-endian\)/)
    expect(problems(misread(text, 4, true))[0]).toMatch(/^The file is in UTF-32 \(little-endian\)/)
    expect(problems(misread(text, 4, false))[0]).toMatch(/^The file is in UTF-32 \(big-endian\)/)
    expect(problems(misread('\uFEFF' + text, 2, true))[0]).toMatch(
      /^The file is in UTF-16 \(little/,
    )
  })
})

describe('offsets and quotes', () => {
  it('refuses positions past the end of the article, in code points', () => {
    const length = [...BUNDLED_BODY].length
    const text = edited((p) => {
      p.data.highlights[0]!.position = { type: 'TextPositionSelector', start: 5, end: length + 1 }
      p.data.evidence[0]!.position = { type: 'TextPositionSelector', start: 900, end: 901 }
    })
    expect(problems(text)).toEqual([
      `data.highlights[0].position.end: ${length + 1} is past the end of article ` +
        `"${BUNDLED_ID}" (${length} characters)`,
      `data.evidence[0].position.start: 900 is past the end of article "imported-1" ` +
        `(${[...IMPORTED_BODY].length} characters)`,
    ])
  })

  it('lists a negative offset and a position past the end together, not the first alone', () => {
    const text = edited((p) => {
      p.data.highlights[0]!.position = { type: 'TextPositionSelector', start: -3, end: 4 }
      p.data.evidence[0]!.position = { type: 'TextPositionSelector', start: 900, end: 901 }
    })
    expect(problems(text)).toEqual([
      'data.highlights[0].position.start: Invalid value: Expected >=0 but received -3',
      `data.evidence[0].position.start: 900 is past the end of article "imported-1" ` +
        `(${[...IMPORTED_BODY].length} characters)`,
    ])
  })

  it('numbers the records checked beside the refused ones as the file does', () => {
    const text = edited((p) => {
      const good = p.data.notes[0]!
      p.data.notes.unshift({ ...good, id: 'bad note', createdAt: -1 })
      p.data.notes.push({ ...good, id: 'late-note', eventId: 'no-such-event' })
    })
    const last = JSON.parse(text).data.notes.length - 1
    expect(problems(text)).toEqual([
      'data.notes[0].id: an id is letters, digits and - _ . : only',
      'data.notes[0].createdAt: is before 1970',
      `data.notes[${last}].eventId: no event "no-such-event": it is neither a curated event nor ` +
        "one of the file's own events",
    ])
  })

  it('accepts a position that ends exactly at the end of the body', () => {
    const text = edited((p) => {
      const last = passage(BUNDLED_BODY, 'came late.')
      Object.assign(p.data.highlights[0]!, last)
    })
    expect(parse(text).ok).toBe(true)
  })

  it('refuses a quote that is not the text at its offsets, in bundled and imported articles', () => {
    const text = edited((p) => {
      p.data.highlights[0]!.quote.exact = 'signed the law'
      p.data.evidence[0]!.position.start += 1
    })
    const found = problems(text)
    expect(found).toHaveLength(2)
    expect(found[0]).toBe(
      'data.highlights[0].quote.exact: does not match the text of article "bundled-article" at ' +
        '23–54: the quote reads "signed the law", the article "signed the anti-trafficking law"',
    )
    expect(found[1]).toMatch(
      /^data\.evidence\[0\]\.quote\.exact: does not match the text of article "imported-1"/,
    )
  })

  it('counts offsets in code points, not UTF-16 units', () => {
    // 'signed' starts after the emoji: UTF-16 index 13, code point 12.
    const { position } = passage(BUNDLED_BODY, 'signed')
    expect(position.start).toBe(BUNDLED_BODY.indexOf('signed') - 1)
    const utf16 = edited((p) => (p.data.highlights[0]!.position.start += 1))
    expect(problems(utf16)[0]).toMatch(/^data\.highlights\[0\]\.quote\.exact/)
  })

  it('skips the quote check for a bundled article whose body it was not given', () => {
    const context = testContext({ bodies: new Map() })
    const text = edited((p) => (p.data.highlights[0]!.quote.exact = 'anything'))
    expect(parse(text, context).ok).toBe(true)
  })
})

describe('dates', () => {
  it('refuses a user event or article date that is not EDTF', () => {
    const text = edited((p) => {
      p.data.userEvents[0]!.date.edtf = 'early 2010'
      p.data.articles[0]!.published.edtf = '2011-13-01'
    })
    expect(problems(text)).toEqual([
      'data.userEvents[0].date.edtf: "early 2010" is not a valid EDTF date',
      'data.articles[0].published.edtf: "2011-13-01" is not a valid EDTF date',
    ])
  })

  it('accepts null dates and uncertain, approximate and interval forms', () => {
    for (const edtf of [null, '2010?', '2010-03~', '2008/2010', '2009-12-10']) {
      const text = edited((p) => (p.data.userEvents[0]!.date.edtf = edtf))
      expect(parse(text).ok, String(edtf)).toBe(true)
    }
  })
})

describe('duplicates', () => {
  it('refuses the same id twice in a table, naming both places', () => {
    const text = edited((p) => {
      p.data.notes[1]!.id = 'note-1'
      p.data.eventAnnotations.push({ ...p.data.eventAnnotations[0]!, tags: [] })
    })
    expect(problems(text)).toEqual([
      'data.notes[1].id: "note-1" appears twice (also at data.notes[0])',
      `data.eventAnnotations[1].eventId: "${CURATED_EVENT}" appears twice (also at ` +
        'data.eventAnnotations[0])',
    ])
  })

  it('refuses the same article content twice', () => {
    const text = edited((p) => p.data.articles.push(makeImportedArticle({ id: 'imported-2' })))
    expect(problems(text)).toEqual([
      `data.articles[1].sha256: "${'a'.repeat(64)}" appears twice (also at data.articles[0])`,
    ])
  })

  it('allows the same id in different tables', () => {
    const text = edited((p) => (p.data.notes[0]!.id = 'highlight-1'))
    expect(parse(text).ok).toBe(true)
  })
})

describe('verifyProjectChecksums', () => {
  it('accepts articles whose original hashes to their sha256', async () => {
    const project = validProject(await withRealChecksums(validData()))
    expect(await verifyProjectChecksums(project)).toEqual([])
  })

  it('names an article whose original was changed', async () => {
    const data = await withRealChecksums(validData())
    const sha = data.articles[0]!.sha256
    data.articles[0]!.original += ' '
    const [problem] = await verifyProjectChecksums(validProject(data))
    expect(problem).toMatch(
      new RegExp(
        `^data\\.articles\\[0\\]\\.sha256: article "imported-1" records ${sha}, but its ` +
          'original text hashes to [0-9a-f]{64} \\(was the file edited\\?\\)$',
      ),
    )
  })
})
