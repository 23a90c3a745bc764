/**
 * The production Content-Security-Policy, sent as a header by the app:// protocol. It must match
 * the meta tag electron.vite.config.ts writes into the built HTML (csp.test.ts checks that), so the
 * header and the tag never disagree.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  // The page reader's Worker (src/renderer/src/lib/import/html.worker.ts) is one of the app's files.
  "worker-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "frame-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ')
