import { describe, expect, it } from 'vitest'
import { ImportError } from '../db/actions/project'
import { checkProjectFile, checkText, problemsOf } from './check-file'

describe('checking a project file', () => {
  it('gives the text and the preview of a file that checks out', async () => {
    const file = new File(['{"formatVersion":1}'], 'project.json')
    const checked = await checkProjectFile(file, (text) => Promise.resolve(text.length))
    expect(checked).toEqual({ ok: true, text: '{"formatVersion":1}', preview: 19 })
  })

  it('lists an ImportError problem by problem, any other error by its message', async () => {
    const problems = ['notes[0].id is missing', 'articles is not a list']
    expect(await checkText('{}', () => Promise.reject(new ImportError(problems)))).toEqual({
      ok: false,
      problems,
    })
    expect(await checkText('{}', () => Promise.reject(new Error('not JSON')))).toEqual({
      ok: false,
      problems: ['not JSON'],
    })
    expect(problemsOf(new ImportError(['one']))).toEqual(['one'])
  })

  it('does not check a file that cannot be read', async () => {
    const file = new File(['x'], 'broken.json')
    Object.defineProperty(file, 'arrayBuffer', {
      value: () => Promise.reject(new Error('gone')),
    })
    let previewed = false
    const checked = await checkProjectFile(file, () => {
      previewed = true
      return Promise.resolve(null)
    })
    expect(checked).toEqual({ ok: false, problems: ['The file could not be read: gone'] })
    expect(previewed).toBe(false)
  })
})
