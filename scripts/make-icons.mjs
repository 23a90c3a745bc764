/**
 * Renders the app icon at every size the installers need from its one source, build/icon.svg,
 * into build/icons/<n>x<n>.png (electron-builder turns these into .icns, .ico and the Linux icon
 * set). Uses the same Chromium as the e2e tests (scripts/find-browser.mjs). Run by `npm run dist`.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium } from '@playwright/test'
import { CHROMIUM_ARGS, findChromium } from './find-browser.mjs'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const SOURCE = join(ROOT, 'build', 'icon.svg')
const TARGET = join(ROOT, 'build', 'icons')
/** Linux hicolor sizes, plus 256 for Windows and 1024 for macOS. */
export const ICON_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024]

/** Width and height from a PNG's IHDR chunk, to check each file is the size its name says. */
function pngSize(bytes) {
  const signature = '89504e470d0a1a0a'
  if (bytes.subarray(0, 8).toString('hex') !== signature) throw new Error('not a PNG')
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) }
}

async function main() {
  const svg = await readFile(SOURCE, 'utf8')
  const source = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`
  await mkdir(TARGET, { recursive: true })
  const browser = await chromium.launch({
    executablePath: findChromium(),
    args: [...CHROMIUM_ARGS],
  })
  try {
    const page = await browser.newPage({ deviceScaleFactor: 1 })
    for (const size of ICON_SIZES) {
      await page.setViewportSize({ width: size, height: size })
      await page.setContent(
        `<body style="margin:0;background:transparent"><img src="${source}" width="${size}" height="${size}"></body>`,
      )
      await page.locator('img').evaluate((img) => img.decode())
      const png = await page.screenshot({ omitBackground: true })
      const { width, height } = pngSize(png)
      if (width !== size || height !== size) {
        throw new Error(`${size}x${size}.png came out ${width}x${height}`)
      }
      await writeFile(join(TARGET, `${size}x${size}.png`), png)
    }
  } finally {
    await browser.close()
  }
  console.log(`icons: ${ICON_SIZES.map((s) => `${s}x${s}`).join(', ')} in build/icons`)
}

await main()
