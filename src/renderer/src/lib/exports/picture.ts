/**
 * A PNG of the timeline view as it is drawn now. In Electron main captures that part of the window
 * (webContents.capturePage); in the browser build html-to-image draws the element's DOM, with its
 * computed styles, into a canvas through an SVG image. Either way: the element's size, one image
 * pixel per CSS pixel in the browser build.
 */
import type { Platform } from '$lib/platform'
import { strings } from '$lib/strings'

export async function timelinePicture(
  element: HTMLElement,
  platform: Platform,
): Promise<Uint8Array<ArrayBuffer>> {
  const box = element.getBoundingClientRect()
  const width = Math.round(box.width)
  const height = Math.round(box.height)
  if (width < 1 || height < 1) throw new Error(strings.exportDialog.pictureNoTimeline)

  if (platform.capturePage) {
    return platform.capturePage({
      x: Math.max(0, Math.round(box.left)),
      y: Math.max(0, Math.round(box.top)),
      width,
      height,
    })
  }

  // Loaded only when needed: most sessions never export a picture.
  const { toBlob } = await import('html-to-image')
  const background = getComputedStyle(document.body).backgroundColor
  const blob = await toBlob(element, {
    width,
    height,
    pixelRatio: 1,
    backgroundColor: background === 'rgba(0, 0, 0, 0)' ? '#ffffff' : background,
  })
  if (!blob) throw new Error(strings.exportDialog.pictureNotDrawn)
  return new Uint8Array(await blob.arrayBuffer())
}
