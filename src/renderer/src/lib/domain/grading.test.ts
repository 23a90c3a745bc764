import { describe, expect, it } from 'vitest'
import {
  GradeBook,
  describeSupport,
  gradeCode,
  gradeId,
  gradeWords,
  levelOf,
  supportAtLeast,
  supportRank,
  supportSummary,
  validGrade,
  type GradeKind,
  type GradeRecord,
} from './grading'

function record(kind: GradeKind, targetId: string, grade: string): GradeRecord {
  return { id: gradeId(kind, targetId), kind, targetId, grade, reason: '', updatedAt: 1 }
}

const quote = (id: string, articleId: string, stance: 'supports' | 'contradicts' = 'supports') => ({
  id,
  articleId,
  stance,
})

describe('grades', () => {
  it('accept A–F on articles and 1–6 on quotes and highlights, nothing else', () => {
    expect(validGrade('article', 'A')).toBe(true)
    expect(validGrade('article', 'F')).toBe(true)
    expect(validGrade('article', '1')).toBe(false)
    expect(validGrade('article', 'G')).toBe(false)
    expect(validGrade('quote', '6')).toBe(true)
    expect(validGrade('highlight', '1')).toBe(true)
    expect(validGrade('quote', '0')).toBe(false)
    expect(validGrade('quote', 'B')).toBe(false)
  })

  it('say their words', () => {
    expect(gradeWords('A')).toBe('A — completely reliable')
    expect(gradeWords('F')).toBe('F — reliability cannot be judged')
    expect(gradeWords('1')).toBe('1 — confirmed by other sources')
    expect(gradeWords('5')).toBe('5 — improbable')
  })

  it('keep ungraded apart from F and 6', () => {
    const book = new GradeBook([record('article', 'a', 'F'), record('quote', 'q', '6')])
    expect(book.reliability('a')).toBe('F')
    expect(book.reliability('b')).toBeNull()
    expect(book.credibility('quote', 'q')).toBe('6')
    expect(book.credibility('quote', 'r')).toBeNull()
    expect(levelOf({ reliability: null, credibility: null })).toBe('ungraded')
    expect(levelOf({ reliability: 'F', credibility: '6' })).toBe('weak')
    expect(gradeCode({ reliability: 'F', credibility: null })).toBe('F–')
  })

  it('rank pairs: A1/B2 strong, C3 moderate, a missing half or D weak', () => {
    expect(levelOf({ reliability: 'A', credibility: '1' })).toBe('strong')
    expect(levelOf({ reliability: 'B', credibility: '2' })).toBe('strong')
    expect(levelOf({ reliability: 'B', credibility: '3' })).toBe('moderate')
    expect(levelOf({ reliability: 'C', credibility: '1' })).toBe('moderate')
    expect(levelOf({ reliability: 'A', credibility: null })).toBe('weak')
    expect(levelOf({ reliability: 'D', credibility: '1' })).toBe('weak')
  })
})

describe('supportSummary', () => {
  const book = new GradeBook([
    record('article', 'good', 'B'),
    record('article', 'poor', 'E'),
    record('quote', 'e#0', '2'),
    record('quote', 'e#1', '5'),
    record('quote', 'x', '1'),
  ])

  it('takes the strongest supporting quote, whatever the order', () => {
    const s = supportSummary({ evidence: [quote('e#1', 'poor'), quote('e#0', 'good')] }, book)
    expect(s).toMatchObject({ level: 'strong', contradicted: false, bestAgainst: null })
    expect(s.best).toEqual({ reliability: 'B', credibility: '2' })
    expect(describeSupport(s)).toBe(
      'strong support, best B2: usually reliable source; probably true',
    )
  })

  it('does not let a contradicting quote count as support, and says it contradicts', () => {
    const s = supportSummary(
      { evidence: [quote('e#1', 'poor'), quote('x', 'good', 'contradicts')] },
      book,
    )
    expect(s.level).toBe('weak')
    expect(s.contradicted).toBe(true)
    expect(s.bestAgainst).toEqual({ reliability: 'B', credibility: '1' })
    expect(describeSupport(s)).toContain('contradicted (against: B1')
  })

  it('is "ungraded" when nothing supporting is graded, "none" without supporting quotes', () => {
    expect(supportSummary({ evidence: [quote('z', 'other')] }, book).level).toBe('ungraded')
    expect(supportSummary({ evidence: [] }, book).level).toBe('none')
    expect(supportSummary({ evidence: [quote('x', 'good', 'contradicts')] }, book)).toMatchObject({
      level: 'none',
      contradicted: true,
    })
  })

  it('filters by a minimum and sorts stronger first', () => {
    const strong = supportSummary({ evidence: [quote('e#0', 'good')] }, book)
    const weak = supportSummary({ evidence: [quote('e#1', 'poor')] }, book)
    const ungraded = supportSummary({ evidence: [quote('z', 'other')] }, book)
    expect(supportAtLeast(strong, 'moderate')).toBe(true)
    expect(supportAtLeast(weak, 'moderate')).toBe(false)
    expect(supportAtLeast(ungraded, 'weak')).toBe(false)
    expect(supportAtLeast(ungraded, 'ungraded')).toBe(true)
    expect(supportRank(strong)).toBeGreaterThan(supportRank(weak))
    expect(supportRank(weak)).toBeGreaterThan(supportRank(ungraded))
  })
})
