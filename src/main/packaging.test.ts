/**
 * The installer configuration (electron-builder.json), checked where it cannot be built: no
 * Electron download here, so the builder's own validation stands in for a build, and the
 * settings that matter for security and for opening project files are asserted one by one.
 */
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

const ROOT = join(import.meta.dirname, '..', '..')
const require = createRequire(import.meta.url)

type Config = Record<string, unknown> & {
  appId: string
  productName: string
  files: string[]
  asar: boolean
  electronFuses: Record<string, boolean>
  fileAssociations: { ext: string; name: string; mimeType: string }[]
  linux: { target: string[]; icon: string }
  mac: { target: { target: string; arch: string[] }[]; icon: string }
  win: { target: string[]; icon: string }
  nsis: { perMachine: boolean }
}

const config = JSON.parse(readFileSync(join(ROOT, 'electron-builder.json'), 'utf8')) as Config
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  productName: string
  version: string
  scripts: Record<string, string>
  devDependencies: Record<string, string>
}

/** electron-builder's own check: its JSON schema (app-builder-lib/scheme.json) and its extra rules. */
async function builderValidates(candidate: unknown): Promise<void> {
  const { validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
    validateConfiguration(config: unknown, logger: unknown): Promise<void>
  }
  const { DebugLogger } = require('builder-util') as { DebugLogger: new (on: boolean) => unknown }
  await validateConfiguration(candidate, new DebugLogger(false))
}

describe('electron-builder.json', () => {
  it('passes the builder’s own validation, which refuses a misspelt option', async () => {
    expect(pkg.devDependencies['electron-builder']).toBe('26.17.0')
    await expect(builderValidates(config)).resolves.toBeUndefined()
    await expect(builderValidates({ ...config, fileAsociations: [] })).rejects.toThrow(
      /unknown property 'fileAsociations'/,
    )
    // Loading electron-builder takes a few seconds, more on a busy machine.
  }, 60_000)

  it('builds AppImage and deb, a universal dmg and an NSIS installer', () => {
    expect(config.linux.target).toEqual(['AppImage', 'deb'])
    expect(config.mac.target).toEqual([{ target: 'dmg', arch: ['universal'] }])
    expect(config.win.target).toEqual(['nsis'])
  })

  it('names the app and takes its version from package.json', () => {
    expect(config.productName).toBe(pkg.productName)
    expect(config.appId).toMatch(/^[a-z]+(\.[a-z]+)+$/)
    // No version of its own: the builder then reads package.json's.
    expect(config).not.toHaveProperty('buildVersion')
    expect(config).not.toHaveProperty('extraMetadata')
    expect(pkg.version).toMatch(/^\d+\.\d+\.\d+/)
  })

  it('registers .sourceline project files with the app', () => {
    expect(config.fileAssociations).toEqual([
      expect.objectContaining({
        ext: 'sourceline',
        name: 'Sourceline project',
        mimeType: 'application/x-sourceline-project',
      }),
    ])
    // NSIS writes file associations only for a per-machine install.
    expect(config.nsis.perMachine).toBe(true)
  })

  it('packs the app into an asar archive and keeps its integrity check', () => {
    expect(config.asar).toBe(true)
    expect(config).not.toHaveProperty('asarUnpack')
    expect(config).not.toHaveProperty('disableAsarIntegrity')
    expect(config.files).toEqual(['out/**/*', 'package.json'])
  })

  it('sets the Electron fuses: no Node switches, asar only and verified, cookies encrypted', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      grantFileProtocolExtraPrivileges: false,
    })
  })

  it('takes every icon from build/icons, rendered from build/icon.svg before packaging', () => {
    expect(existsSync(join(ROOT, 'build', 'icon.svg'))).toBe(true)
    expect(config.linux.icon).toBe('build/icons')
    expect(config.mac.icon).toBe('build/icons/1024x1024.png')
    expect(config.win.icon).toBe('build/icons/256x256.png')
    expect(pkg.scripts['dist']).toMatch(
      /npm run icons && electron-builder --config electron-builder.json$/,
    )
    expect(pkg.scripts['icons']).toBe('node scripts/make-icons.mjs')
  })
})
