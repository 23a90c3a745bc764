/**
 * Valibot's issues in words, for the bundled data's checks (corpus manifest, entity catalogue):
 * "events[3].evidence[0].quote: …". Pure.
 */
import type * as v from 'valibot'

/** Where an issue is, as `events[3].title`; `whole` names the document when it is the top. */
export function issuePath(issue: v.BaseIssue<unknown>, whole: string): string {
  let path = ''
  for (const item of issue.path ?? []) {
    const key: unknown = item.key
    path += typeof key === 'number' ? `[${key}]` : `${path ? '.' : ''}${String(key)}`
  }
  return path || whole
}

/** Each issue as "where: what is wrong". */
export function issueLines(issues: readonly v.BaseIssue<unknown>[], whole: string): string[] {
  return issues.map((issue) => `${issuePath(issue, whole)}: ${issue.message}`)
}
