import { lstat, mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { describeWriteError, safeFileName, writeFileAtomic } from './files'

// Lets one test make the final rename fail, after the temp file has been written.
const failNextRename = vi.hoisted(() => ({ value: false }))
vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs/promises')>()
  return {
    ...actual,
    rename: async (from: string, to: string) => {
      if (failNextRename.value) {
        failNextRename.value = false
        throw Object.assign(new Error('EXDEV: cross-device link not permitted'), { code: 'EXDEV' })
      }
      return actual.rename(from, to)
    },
  }
})

describe('safeFileName', () => {
  it('keeps ordinary names', () => {
    expect(safeFileName('Sourceline report 2024-05-01.md')).toBe('Sourceline report 2024-05-01.md')
  })

  it('removes separators and characters file systems refuse', () => {
    expect(safeFileName('../../etc/passwd')).toBe('-..-etc-passwd')
    expect(safeFileName('a\\b:c*d?"e<f>g|h')).toBe('a-b-c-d-e-f-g-h')
    expect(safeFileName('bad\u0000name.md')).toBe('bad-name.md')
  })

  it('trims leading and trailing dots and spaces, and falls back when nothing is left', () => {
    expect(safeFileName('  .hidden.md. ')).toBe('hidden.md')
    expect(safeFileName('...')).toBe('export')
    expect(safeFileName('/', 'report.md')).toBe('-')
  })

  it('avoids names Windows reserves', () => {
    expect(safeFileName('CON')).toBe('_CON')
    expect(safeFileName('nul.md')).toBe('_nul.md')
    expect(safeFileName('console.md')).toBe('console.md')
  })
})

describe('writeFileAtomic', () => {
  let dir: string

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sourceline-write-'))
  })

  afterEach(async () => {
    await rm(dir, { recursive: true, force: true })
  })

  it('writes a new file and leaves no temp file behind', async () => {
    const target = join(dir, 'report.md')
    await writeFileAtomic(target, '# Report\n\nÜnïcödé ✓\n')
    expect(await readFile(target, 'utf8')).toBe('# Report\n\nÜnïcödé ✓\n')
    expect(await readdir(dir)).toEqual(['report.md'])
  })

  it('writes bytes exactly as given (PDF and PNG exports)', async () => {
    const target = join(dir, 'timeline.png')
    const bytes = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0xff, 0xfe])
    await writeFileAtomic(target, bytes)
    expect(new Uint8Array(await readFile(target))).toEqual(bytes)
    expect(await readdir(dir)).toEqual(['timeline.png'])
  })

  it('replaces an existing file whole', async () => {
    const target = join(dir, 'report.md')
    await writeFile(target, 'old content that is longer than the new one')
    await writeFileAtomic(target, 'new')
    expect(await readFile(target, 'utf8')).toBe('new')
    expect(await readdir(dir)).toEqual(['report.md'])
  })

  it('refuses to replace a folder and leaves no temp file', async () => {
    const target = join(dir, 'report.md')
    await mkdir(target)
    await writeFile(join(target, 'keep.txt'), 'kept')
    await expect(writeFileAtomic(target, 'new')).rejects.toMatchObject({ code: 'ENOTREG' })
    expect(await readdir(dir)).toEqual(['report.md'])
    expect(await readFile(join(target, 'keep.txt'), 'utf8')).toBe('kept')
  })

  it.skipIf(process.platform === 'win32')('refuses devices such as /dev/null', async () => {
    await expect(writeFileAtomic('/dev/null', 'x')).rejects.toMatchObject({ code: 'ENOTREG' })
  })

  it.skipIf(process.platform === 'win32')(
    'writes through a symlink and keeps the link',
    async () => {
      const real = join(dir, 'real.md')
      const link = join(dir, 'link.md')
      await writeFile(real, 'old')
      await symlink(real, link)
      await writeFileAtomic(link, 'new')
      expect(await readFile(real, 'utf8')).toBe('new')
      expect((await lstat(link)).isSymbolicLink()).toBe(true)
      expect((await readdir(dir)).sort()).toEqual(['link.md', 'real.md'])
    },
  )

  it('removes its temp file and keeps the old file when the rename fails', async () => {
    const target = join(dir, 'report.md')
    await writeFile(target, 'old')
    failNextRename.value = true
    await expect(writeFileAtomic(target, 'new')).rejects.toMatchObject({ code: 'EXDEV' })
    expect(await readFile(target, 'utf8')).toBe('old')
    expect(await readdir(dir)).toEqual(['report.md'])
  })

  it('fails with ENOENT when the folder is gone', async () => {
    await expect(writeFileAtomic(join(dir, 'missing', 'report.md'), 'x')).rejects.toMatchObject({
      code: 'ENOENT',
    })
  })
})

describe('describeWriteError', () => {
  const withCode = (code: string) => Object.assign(new Error(`${code}: system message`), { code })

  it('says the disk is full for ENOSPC', () => {
    expect(describeWriteError(withCode('ENOSPC'), '/home/a/report.md')).toBe(
      'Disk full: there is not enough free space to save /home/a/report.md.',
    )
  })

  it('names the common causes', () => {
    expect(describeWriteError(withCode('EACCES'), '/x.md')).toMatch(/^Permission denied/)
    expect(describeWriteError(withCode('EPERM'), '/x.md')).toMatch(/^Permission denied/)
    expect(describeWriteError(withCode('EROFS'), '/x.md')).toMatch(/^Read-only disk/)
    expect(describeWriteError(withCode('EDQUOT'), '/x.md')).toMatch(/^Disk quota exceeded/)
    expect(describeWriteError(withCode('ENOENT'), '/x.md')).toMatch(/^Folder not found/)
  })

  it('falls back to the system message', () => {
    expect(describeWriteError(withCode('EIO'), '/x.md')).toBe(
      'Could not save /x.md: EIO: system message',
    )
    expect(describeWriteError('weird', '/x.md')).toBe('Could not save /x.md: weird')
  })
})
