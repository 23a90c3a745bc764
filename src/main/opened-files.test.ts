import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { OpenedFiles, projectFilesInArgv, readOpenedFile } from './opened-files'

let folder: string

beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'sourceline-opened-'))
})
afterEach(async () => {
  await rm(folder, { recursive: true, force: true })
})

describe('projectFilesInArgv', () => {
  it('takes .sourceline and .json paths, resolved against the working folder', () => {
    const argv = [
      '/opt/Sourceline/sourceline',
      '--no-sandbox',
      'work/Trafficking.SOURCELINE',
      '/home/me/old.json',
      'notes.txt',
    ]
    expect(projectFilesInArgv(argv, '/home/me')).toEqual([
      '/home/me/work/Trafficking.SOURCELINE',
      '/home/me/old.json',
    ])
  })

  it('ignores the executable, the app folder of `electron .` and switches', () => {
    expect(
      projectFilesInArgv(
        ['/usr/bin/electron', '/work/app', '--user-data-dir=/tmp/a.json', '-x.sourceline'],
        '/',
      ),
    ).toEqual([])
  })
})

describe('readOpenedFile', () => {
  it('answers the bytes and the file name', async () => {
    const path = join(folder, 'project.sourceline')
    await writeFile(path, '{"formatVersion":1}')
    const read = await readOpenedFile(path)
    expect(read.name).toBe('project.sourceline')
    expect('bytes' in read && new TextDecoder().decode(read.bytes)).toBe('{"formatVersion":1}')
  })

  it('names why a file cannot be read: missing, a folder, too big', async () => {
    await expect(readOpenedFile(join(folder, 'gone.sourceline'))).resolves.toEqual({
      name: 'gone.sourceline',
      problem: `${join(folder, 'gone.sourceline')} could not be read: it does not exist (moved or deleted?).`,
    })
    await expect(readOpenedFile(folder)).resolves.toMatchObject({ problem: /is not a file/ })
    const big = join(folder, 'big.sourceline')
    await writeFile(big, 'x'.repeat(11))
    await expect(readOpenedFile(big, 10)).resolves.toEqual({
      name: 'big.sourceline',
      problem: 'The file is 11 bytes; a project file can be at most 10 bytes.',
    })
  })
})

describe('OpenedFiles', () => {
  it('hands each queued file over once, in order, without duplicates', async () => {
    const queue = new OpenedFiles()
    await writeFile(join(folder, 'a.sourceline'), 'A')
    await writeFile(join(folder, 'b.json'), 'B')
    queue.add(join(folder, 'a.sourceline'))
    queue.add(join(folder, 'b.json'))
    queue.add(join(folder, 'a.sourceline'))
    expect(queue.size).toBe(2)
    const taken = await queue.take()
    expect(taken.map((file) => file.name)).toEqual(['a.sourceline', 'b.json'])
    expect(await queue.take()).toEqual([])
  })
})
