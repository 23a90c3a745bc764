/**
 * Printing the standalone HTML export in the browser build, where there is no printToPDF. The page
 * goes into a hidden frame of its own and that frame is printed, so what prints is the report,
 * never the app around it. The browser's print dialog offers "Save as PDF".
 *
 * A srcdoc frame inherits the app's CSP, which refuses inline styles, so the page's one <style>
 * is taken out and the same CSS is applied as a constructed stylesheet (CSSOM, which the CSP
 * does not govern): the app's policy stays as strict as it is.
 */

import { strings } from '$lib/strings'

/** How long the frame may take to load the page before printing is given up. */
const LOAD_TIMEOUT_MS = 30_000

/** How long a frame is kept after print() returns, for browsers whose print() does not block. */
const AFTER_PRINT_MS = 60_000

/** Marks the frame, so a second print replaces a frame left over from the first. */
const FRAME_CLASS = 'sourceline-print-frame'

/**
 * Prints `html`, a page whose only styling is `<style>{stylesheet}</style>` (the standalone HTML
 * export with HTML_STYLE).
 */
export async function printHtml(html: string, stylesheet: string): Promise<void> {
  const styleElement = `<style>${stylesheet}</style>`
  if (!html.includes(styleElement)) throw new Error('the report’s stylesheet is not where expected')
  for (const old of document.querySelectorAll(`iframe.${FRAME_CLASS}`)) old.remove()

  const frame = document.createElement('iframe')
  frame.className = FRAME_CLASS
  // No allow-scripts: the report runs nothing, whatever it holds. allow-same-origin lets the app
  // reach the frame's window to call print(); allow-modals lets print() open its dialog.
  frame.setAttribute('sandbox', 'allow-same-origin allow-modals')
  frame.title = strings.exportDialog.printFrame
  frame.tabIndex = -1
  frame.setAttribute('aria-hidden', 'true')
  // Laid out (a display:none frame prints blank in some browsers) but out of sight.
  Object.assign(frame.style, {
    position: 'fixed',
    left: '-10000px',
    top: '0',
    width: '800px',
    height: '600px',
    border: '0',
    visibility: 'hidden',
  })

  const loaded = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(strings.exportDialog.printNotLoaded)),
      LOAD_TIMEOUT_MS,
    )
    frame.addEventListener(
      'load',
      () => {
        clearTimeout(timer)
        resolve()
      },
      { once: true },
    )
  })
  // srcdoc keeps the page inside the app's origin: no blob: or data: URL to allow in the CSP.
  frame.srcdoc = html.replace(styleElement, '')
  document.body.append(frame)
  try {
    await loaded
    const view = frame.contentWindow
    if (!view) throw new Error('the print frame has no window')
    // Made in the frame's own realm: a document adopts only sheets constructed for it.
    const FrameSheet = (view as Window & { CSSStyleSheet: typeof CSSStyleSheet }).CSSStyleSheet
    const sheet = new FrameSheet()
    sheet.replaceSync(stylesheet)
    view.document.adoptedStyleSheets = [sheet]
    view.focus()
    view.print()
    // print() returns once the print dialog has closed (Chromium blocks until then). Other
    // browsers may return early and say 'afterprint' when done; the timer is for those that
    // say neither, so no frame is left behind.
    view.addEventListener('afterprint', () => frame.remove(), { once: true })
    setTimeout(() => frame.remove(), AFTER_PRINT_MS)
  } catch (error) {
    frame.remove()
    throw error
  }
}
