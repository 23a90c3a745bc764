/**
 * The production Content-Security-Policy, sent as a header by the app:// protocol. It must match
 * the meta tag electron.vite.config.ts writes into the built HTML (csp.test.ts checks that), so the
 * header and the tag never disagree.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  // The one extra style is the standalone HTML export's own stylesheet (HTML_STYLE in
  // lib/domain/exports/html.ts), by hash: the browser build prints that page from a srcdoc frame,
  // which inherits this policy, and without it the printed report would lose its layout.
  // html-csp.test.ts recomputes the hash, so a change to that stylesheet cannot go unnoticed.
  "style-src 'self' 'sha256-15d2duv+YoBmVQcjaHIeCDN/e5FwvUd3pIOtuOI3Qmc='",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "frame-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ')
