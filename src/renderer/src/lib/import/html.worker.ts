/**
 * The page reader's Worker: reads one saved page into a draft article (html.ts) away from the
 * window's thread, so a huge or deeply nested page never freezes the window. One page per Worker;
 * the window ends the Worker to cancel.
 */
import { htmlToArticle } from './html'
import type { PageReply, PageRequest } from './read-page'

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<PageRequest>) => void) | null
  postMessage(reply: PageReply): void
}

scope.onmessage = ({ data }) => {
  try {
    scope.postMessage({ ok: true, draft: htmlToArticle(data.html, data.fileName) })
  } catch (error) {
    scope.postMessage({
      ok: false,
      message: error instanceof Error ? error.message : String(error),
    })
  }
}
