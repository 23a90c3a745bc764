/**
 * The word-level rules the web page reader uses, kept apart from any DOM so they run wherever the
 * page is parsed: JSON-LD unwrapping, byline checks, titles less the outlet's name, furniture
 * phrases in the languages the importer is tested on, gallery captions, and how a removed block
 * is described to the person. Pure (docs/decisions/0015).
 */

/** JSON-LD inside `<![CDATA[ … ]]>` or `<!-- … -->` (old CMS templates): the JSON alone. */
export function unwrapJsonLd(text: string): string {
  return text
    .trim()
    .replace(/^(?:\/\/\s*)?(?:<!\[CDATA\[|<!--)\s*/, '')
    .replace(/\s*(?:\/\/\s*)?(?:\]\]>|-->)$/, '')
    .trim()
}

/** 'By', and the same word in French, Spanish, Portuguese, Arabic, Thai, Khmer, Chinese. */
const BYLINE_PREFIX =
  /^(?:(?:by|par|por|written by|reporting by)\s+|(?:بقلم|كتب|โดย|ដោយ|文\/|記者|记者)\s*[:：]?\s*)/i

/**
 * A byline fit to store, or null: 'By Jane Doe' → 'Jane Doe'; a name printed twice ('Jane Doe Jane
 * Doe', 'Jane Doe, Jane Doe') once; initials alone ('J.D.', 'AFP/JD') or no letters refused, as
 * they name nobody a reader could cite.
 */
export function checkByline(found: string | null | undefined): string | null {
  if (!found) return null
  let name = found.replace(/\s+/g, ' ').trim().replace(BYLINE_PREFIX, '').trim()
  if (name === '' || name.length > 200) return null
  const parts = name
    .split(/\s*(?:,|;|\band\b|&|،|、|และ|និង)\s*/)
    .map((p) => p.trim())
    .filter(Boolean)
  const unique = parts.filter(
    (p, i) => parts.findIndex((q) => q.toLowerCase() === p.toLowerCase()) === i,
  )
  name = unique.join(', ')
  // The same name twice with no separator: 'Jane Doe Jane Doe'.
  const words = name.split(' ')
  if (words.length % 2 === 0 && words.length >= 2) {
    const half = words.length / 2
    if (words.slice(0, half).join(' ').toLowerCase() === words.slice(half).join(' ').toLowerCase())
      name = words.slice(0, half).join(' ')
  }
  if (!/\p{L}/u.test(name)) return null
  if (isInitialsOnly(name)) return null
  return name
}

/** 'J.D.', 'JD', 'A. B.', 'AFP/JD': letters that stand for a name, not the name. */
function isInitialsOnly(name: string): boolean {
  const latin = name.replace(/[\s./-]/g, '')
  return /^[A-Z]{1,4}$/.test(latin) || /^(?:\p{Lu}\.\s*){1,4}$/u.test(name.trim())
}

const TITLE_SEPARATOR = String.raw`\s+[|\-–—:·•»]\s+|\s*[｜_－—–]\s*|\s*[|]\s*`

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/**
 * 'Headline | Outlet', 'Headline - Outlet', '标题_新华网', 'Outlet | Headline' → 'Headline', when
 * the outlet is known. Case and spacing of the outlet's name are ignored.
 */
export function titleWithoutOutlet(title: string, outlet: string | null): string {
  if (!outlet) return title
  const name = escapeRegExp(outlet.trim()).replace(/\s+/g, '\\s*')
  const suffix = new RegExp(`(?:${TITLE_SEPARATOR})${name}\\s*$`, 'iu')
  const prefix = new RegExp(`^\\s*${name}(?:${TITLE_SEPARATOR})`, 'iu')
  const stripped = title.replace(suffix, '').replace(prefix, '').trim()
  return stripped === '' ? title : stripped
}

export type FurnitureKind =
  | 'gallery'
  | 'related'
  | 'comments'
  | 'share'
  | 'newsletter'
  | 'advert'
  | 'paywall'
  | 'read-more'
  | 'other'

/**
 * Phrases that are page furniture in French, Spanish, Portuguese, Arabic, Chinese, Japanese, Thai
 * and Khmer, as whole headings or lines (English is in lib/import/html.ts). Lower case.
 */
const PHRASES: Record<Exclude<FurnitureKind, 'gallery' | 'other'>, readonly string[]> = {
  related: [
    'articles liés',
    'articles similaires',
    'à lire aussi',
    'a lire aussi',
    'sur le même sujet',
    'dans la même rubrique',
    'artículos relacionados',
    'noticias relacionadas',
    'te puede interesar',
    'también te puede interesar',
    'notícias relacionadas',
    'matérias relacionadas',
    'veja também',
    'você também pode gostar',
    'مقالات ذات صلة',
    'أخبار ذات صلة',
    'اخبار ذات صلة',
    'مواضيع ذات صلة',
    '相关文章',
    '相关新闻',
    '相關新聞',
    '相關文章',
    '推荐阅读',
    '関連記事',
    '関連ニュース',
    'ข่าวที่เกี่ยวข้อง',
    'ข่าวแนะนำ',
    'ព័ត៌មានទាក់ទង',
    'អត្ថបទទាក់ទង',
    'ព័ត៌មានពាក់ព័ន្ធ',
  ],
  'read-more': [
    'lire aussi',
    'lire la suite',
    'leer más',
    'lea también',
    'lee también',
    'leia mais',
    'leia também',
    'اقرأ أيضا',
    'اقرأ أيضاً',
    'اقرأ المزيد',
    '阅读更多',
    '延伸阅读',
    '延伸閱讀',
    '続きを読む',
    'อ่านเพิ่มเติม',
    'อ่านต่อ',
    'អានបន្ថែម',
    'អានត',
  ],
  comments: [
    'commentaires',
    'laisser un commentaire',
    'comentarios',
    'deja un comentario',
    'comentários',
    'deixe um comentário',
    'التعليقات',
    'اترك تعليقا',
    'أضف تعليقا',
    '评论',
    '評論',
    '发表评论',
    'コメント',
    'ความคิดเห็น',
    'แสดงความคิดเห็น',
    'មតិយោបល់',
    'បញ្ចេញមតិ',
  ],
  share: [
    'partager',
    'partager sur facebook',
    'partager cet article',
    'compartir',
    'compartir en facebook',
    'compartilhar',
    'compartilhe',
    'شارك',
    'مشاركة',
    'شارك المقال',
    '分享',
    '分享到',
    'シェア',
    'ツイート',
    'แชร์',
    'แบ่งปัน',
    'ចែករំលែក',
  ],
  newsletter: [
    'inscrivez-vous à notre newsletter',
    'abonnez-vous',
    'suscríbete',
    'suscríbase',
    'assine',
    'assine já',
    'اشترك',
    'اشترك في النشرة',
    '订阅',
    '購読',
    'สมัครสมาชิก',
    'ជាវ',
  ],
  advert: [
    'publicité',
    'publicidad',
    'publicidade',
    'إعلان',
    '广告',
    '廣告',
    '広告',
    'โฆษณา',
    'ពាណិជ្ជកម្ម',
  ],
  paywall: [
    'réservé aux abonnés',
    'article réservé aux abonnés',
    'contenido exclusivo para suscriptores',
    'exclusivo para assinantes',
    'conteúdo exclusivo para assinantes',
    'هذا المحتوى للمشتركين فقط',
    '订阅后阅读全文',
    '有料会員限定',
    'สำหรับสมาชิกเท่านั้น',
  ],
}

const PHRASE_KIND = new Map<string, FurnitureKind>(
  Object.entries(PHRASES).flatMap(([kind, list]) =>
    list.map((p): [string, FurnitureKind] => [p, kind as FurnitureKind]),
  ),
)

/** For matching: lower case, single spaces, no edge punctuation or zero-width spaces. */
export function furniturePhrase(line: string): string {
  return line
    .replace(/[\s\u00A0\u200B]+/g, ' ')
    .trim()
    .toLowerCase()
    .replace(/[’‘]/g, "'")
    .replace(/^[\s\p{P}\p{S}]+|[\s\p{P}\p{S}]+$/gu, '')
}

/**
 * The kind of furniture a short heading or line is, in the other languages, or null. 'Lire aussi :
 * …' and 'اقرأ أيضا: …' count as read-more teasers whatever follows the colon.
 */
export function otherLanguageFurniture(line: string): FurnitureKind | null {
  const p = furniturePhrase(line)
  if (p === '' || p.length > 80) return null
  const whole = PHRASE_KIND.get(p)
  if (whole) return whole
  const lead = /^([^:：]{1,30})\s*[:：]/u.exec(p)?.[1]?.trim()
  const kind = lead ? PHRASE_KIND.get(lead) : undefined
  return kind === 'read-more' || kind === 'related' ? 'read-more' : null
}

/** A slide-show caption: '3/50', '3 / 50 Police at the scene', '(3 of 50)', 'Photo 3 of 50'. */
export function isGalleryCaption(line: string): boolean {
  return /^\s*\(?(?:photo|image|slide|foto|صورة|ภาพ|រូបភាព)?\s*\d{1,3}\s*(?:\/|of|de|sur|من|จาก)\s*\d{1,3}\)?(?:\s|$)/iu.test(
    line,
  )
}

/** Class and id words that mark a gallery or slide show. */
export const GALLERY_WORDS: ReadonlySet<string> = new Set([
  'gallery',
  'slideshow',
  'slides',
  'carousel',
  'slider',
  'lightbox',
  'swiper',
])

/** How the review dialog names what was cut: 'a gallery of 50 captions', '3 related-post teasers'. */
export function removedLabel(kind: FurnitureKind, paragraphs: number): string {
  const n = paragraphs
  switch (kind) {
    case 'gallery':
      return `a gallery of ${n} caption${n === 1 ? '' : 's'}`
    case 'related':
      return n === 1 ? 'a related-post teaser' : `${n} related-post teasers`
    case 'comments':
      return 'a comments section'
    case 'share':
      return 'share buttons'
    case 'newsletter':
      return 'a newsletter sign-up'
    case 'advert':
      return 'an advertisement'
    case 'paywall':
      return 'a subscription notice'
    case 'read-more':
      return n === 1 ? 'a “read more” link' : `${n} “read more” links`
    case 'other':
      return n === 1 ? 'a block of page furniture' : `${n} lines of page furniture`
  }
}

/** The kind of furniture a class or id word names, for describing what was cut. */
export function kindOfName(words: readonly string[]): FurnitureKind {
  const has = (...w: string[]): boolean => words.some((x) => w.includes(x))
  if (words.some((w) => GALLERY_WORDS.has(w))) return 'gallery'
  if (has('related', 'relatedposts', 'recommended', 'recirc', 'outbrain', 'taboola', 'yarpp'))
    return 'related'
  if (has('comment', 'comments', 'disqus', 'replies', 'respond')) return 'comments'
  if (has('share', 'sharing', 'sharebar', 'sharedaddy', 'social', 'addthis', 'addtoany'))
    return 'share'
  if (has('newsletter', 'subscribe', 'subscription', 'signup')) return 'newsletter'
  if (has('ad', 'ads', 'advert', 'advertisement', 'adslot', 'adunit', 'sponsor', 'sponsored'))
    return 'advert'
  if (has('paywall')) return 'paywall'
  return 'other'
}
