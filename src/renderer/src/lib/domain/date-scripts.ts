/**
 * Dates written in other scripts and languages, rewritten into the English forms the date reader
 * knows: Khmer, Thai, Arabic-Indic and Persian digits; Khmer, Thai, French, Spanish, Portuguese
 * and Arabic month names; Chinese/Japanese 年月日; Thai Buddhist Era years; ISO 8601 basic form.
 * Only what names a date unambiguously is rewritten; the reader still refuses the rest. Pure.
 */
import { MONTHS as ENGLISH_MONTH_NAMES } from './dates'

/** Zero of each decimal digit block the reader accepts. */
const DIGIT_ZEROS = [0x17e0, 0x0e50, 0x0660, 0x06f0, 0x0966, 0xff10, 0x0ed0, 0x1040]
const DIGITS = new RegExp(
  `[${DIGIT_ZEROS.map((z) => `\\u{${z.toString(16)}}-\\u{${(z + 9).toString(16)}}`).join('')}]`,
  'gu',
)

/** '២០១៩' → '2019', '٢٠١٩' → '2019', '๒๕๖๒' → '2562'. Other characters unchanged. */
export function toLatinDigits(text: string): string {
  return text.replace(DIGITS, (d) => {
    const code = d.codePointAt(0)!
    const zero = DIGIT_ZEROS.find((z) => code >= z && code <= z + 9)!
    return String(code - zero)
  })
}

const ENGLISH_MONTHS = ENGLISH_MONTH_NAMES

/** Month names by language, January first. Abbreviations follow, each pointing at its month. */
const MONTHS: Record<string, readonly (readonly string[])[]> = {
  km: [
    ['មករា'],
    ['កុម្ភៈ', 'កុម្ភះ', 'កុម្ភ'],
    ['មីនា'],
    ['មេសា'],
    ['ឧសភា'],
    ['មិថុនា'],
    ['កក្កដា'],
    ['សីហា'],
    ['កញ្ញា'],
    ['តុលា'],
    ['វិច្ឆិកា'],
    ['ធ្នូ'],
  ],
  th: [
    ['มกราคม', 'ม.ค.'],
    ['กุมภาพันธ์', 'ก.พ.'],
    ['มีนาคม', 'มี.ค.'],
    ['เมษายน', 'เม.ย.'],
    ['พฤษภาคม', 'พ.ค.'],
    ['มิถุนายน', 'มิ.ย.'],
    ['กรกฎาคม', 'ก.ค.'],
    ['สิงหาคม', 'ส.ค.'],
    ['กันยายน', 'ก.ย.'],
    ['ตุลาคม', 'ต.ค.'],
    ['พฤศจิกายน', 'พ.ย.'],
    ['ธันวาคม', 'ธ.ค.'],
  ],
  ar: [
    ['يناير', 'كانون الثاني', 'جانفي'],
    ['فبراير', 'شباط', 'فيفري'],
    ['مارس', 'آذار'],
    ['أبريل', 'ابريل', 'إبريل', 'نيسان', 'أفريل'],
    ['مايو', 'أيار', 'ماي'],
    ['يونيو', 'حزيران', 'جوان'],
    ['يوليو', 'تموز', 'جويلية'],
    ['أغسطس', 'اغسطس', 'آب', 'أوت'],
    ['سبتمبر', 'أيلول'],
    ['أكتوبر', 'اكتوبر', 'تشرين الأول'],
    ['نوفمبر', 'تشرين الثاني'],
    ['ديسمبر', 'كانون الأول'],
  ],
  fr: [
    ['janvier', 'janv'],
    ['février', 'fevrier', 'févr', 'fevr'],
    ['mars'],
    ['avril', 'avr'],
    ['mai'],
    ['juin'],
    ['juillet', 'juil'],
    ['août', 'aout'],
    ['septembre'],
    ['octobre'],
    ['novembre'],
    ['décembre', 'decembre', 'déc'],
  ],
  es: [
    ['enero', 'ene'],
    ['febrero'],
    ['marzo'],
    ['abril'],
    ['mayo'],
    ['junio'],
    ['julio'],
    ['agosto'],
    ['septiembre', 'setiembre'],
    ['octubre'],
    ['noviembre'],
    ['diciembre', 'dic'],
  ],
  pt: [
    ['janeiro'],
    ['fevereiro', 'fev'],
    ['março', 'marco'],
    ['abril'],
    ['maio'],
    ['junho'],
    ['julho'],
    ['agosto'],
    ['setembro', 'set'],
    ['outubro', 'out'],
    ['novembro'],
    ['dezembro', 'dez'],
  ],
}

/** Weekdays and filler words around a date that say nothing about the day itself. */
const FILLER = [
  // Khmer: 'day' + weekday names, 'date', 'month', 'year', 'at hour'.
  'ថ្ងៃអាទិត្យ',
  'ថ្ងៃច័ន្ទ',
  'ថ្ងៃអង្គារ',
  'ថ្ងៃពុធ',
  'ថ្ងៃព្រហស្បតិ៍',
  'ថ្ងៃសុក្រ',
  'ថ្ងៃសៅរ៍',
  'ថ្ងៃទី',
  'ទី',
  'ខែ',
  'ឆ្នាំ',
  'ថ្ងៃ',
  'ម៉ោង',
  'នាទី',
  'ព្រឹក',
  'ល្ងាច',
  'ផ្សាយ',
  'ចុះផ្សាយ',
  'កាលពី',
  // Thai: 'day', weekday names, 'date', 'at hour', 'minute'.
  'วันอาทิตย์',
  'วันจันทร์',
  'วันอังคาร',
  'วันพุธ',
  'วันพฤหัสบดี',
  'วันศุกร์',
  'วันเสาร์',
  'วันที่',
  'ที่',
  'เวลา',
  'น.',
  'เผยแพร่',
  'ปรับปรุง',
  // Arabic: weekday names and 'published'.
  'الأحد',
  'الاثنين',
  'الإثنين',
  'الثلاثاء',
  'الأربعاء',
  'الخميس',
  'الجمعة',
  'السبت',
  'نشر في',
  'نشر',
  'بتاريخ',
  'م',
]

/** French, Spanish and Portuguese weekdays and joining words, read as English ones. */
const WORDS: Record<string, string> = {
  lundi: 'monday',
  mardi: 'tuesday',
  mercredi: 'wednesday',
  jeudi: 'thursday',
  vendredi: 'friday',
  samedi: 'saturday',
  dimanche: 'sunday',
  lunes: 'monday',
  martes: 'tuesday',
  miércoles: 'wednesday',
  miercoles: 'wednesday',
  jueves: 'thursday',
  viernes: 'friday',
  sábado: 'saturday',
  sabado: 'saturday',
  domingo: 'sunday',
  'segunda-feira': 'monday',
  'terça-feira': 'tuesday',
  'quarta-feira': 'wednesday',
  'quinta-feira': 'thursday',
  'sexta-feira': 'friday',
  le: '',
  el: '',
  de: '',
  del: '',
  du: '',
  publié: 'published',
  publicado: 'published',
  'mis à jour': 'updated',
  actualizado: 'updated',
  atualizado: 'updated',
  em: 'on',
  à: 'at',
  às: 'at',
  'a las': 'at',
  // First of the month: '1er janvier', '1º de janeiro'.
  '1er': '1',
  '1º': '1',
  '1°': '1',
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/** Every month name, longest first so 'កុម្ភៈ' wins over 'កុម្ភ' and 'juillet' over 'juil'. */
const MONTH_ENTRIES: [string, number][] = Object.values(MONTHS)
  .flatMap((months) => months.flatMap((names, i) => names.map((n): [string, number] => [n, i])))
  .sort((a, b) => b[0].length - a[0].length)

/** Letters of scripts without spaces between words, where a name may touch a number. */
const NO_SPACE_SCRIPT = /[\u1780-\u17FF\u0E00-\u0E7F]/

const LATIN_NAME = /^[\p{Script=Latin}.]+$/u

const MONTH_PATTERN = new RegExp(
  MONTH_ENTRIES.map(([name]) =>
    // Latin names must be whole words; Khmer and Thai names can sit between digits.
    LATIN_NAME.test(name)
      ? `(?<![\\p{L}])${escape(name)}\\.?(?![\\p{L}])`
      : NO_SPACE_SCRIPT.test(name) || name.includes('.')
        ? escape(name)
        : `(?<![\\p{L}])${escape(name)}(?![\\p{L}])`,
  ).join('|'),
  'giu',
)
const MONTH_LOOKUP = new Map(MONTH_ENTRIES.map(([name, i]) => [name.toLowerCase(), i]))

const FILLER_PATTERN = new RegExp(
  [...FILLER]
    .sort((a, b) => b.length - a.length)
    .map((w) =>
      /^[\p{Script=Arabic}\s]+$/u.test(w) ? `(?<![\\p{L}])${escape(w)}(?![\\p{L}])` : escape(w),
    )
    .join('|'),
  'gu',
)
const WORD_PATTERN = new RegExp(
  Object.keys(WORDS)
    .sort((a, b) => b.length - a.length)
    .map((w) => `(?<![\\p{L}\\d])${escape(w)}(?![\\p{L}])`)
    .join('|'),
  'giu',
)

/** ISO 8601 basic: '20180619', '20180619T055000+0900', '20180619T0550Z'. */
const ISO_BASIC =
  /^(\d{4})(\d{2})(\d{2})(?:T\d{2}(?:\d{2}(?:\d{2}(?:[.,]\d+)?)?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?)?$/
/** Chinese and Japanese: '2019年7月27日', '2019年7月'. */
const HAN_DATE = /(\d{4})\s*年\s*(?:(\d{1,2})\s*月\s*(?:(\d{1,2})\s*日)?)?/
/** Thai markers of the calendar: พ.ศ. (Buddhist Era) and ค.ศ. (Common Era). */
const BUDDHIST_ERA_MARK = /พ\s*\.\s*ศ\s*\.?/
const COMMON_ERA_MARK = /ค\s*\.\s*ศ\s*\.?/
const THAI = /[\u0E00-\u0E7F]/
/** The Thai solar calendar counts years from 543 BCE. */
export const BUDDHIST_ERA_OFFSET = 543

export interface ScriptDate {
  /** The date in the forms the English reader knows. */
  text: string
  /** Set when a Thai Buddhist Era year was read: the year as written (2562 for 2019). */
  buddhistYear: number | null
}

/**
 * The date in English words and Latin digits, or the input unchanged when it has nothing to
 * rewrite. Thai years of 2400 and later (or marked พ.ศ.) are Buddhist Era and become CE years.
 */
export function fromOtherScripts(input: string): ScriptDate {
  let text = toLatinDigits(input.normalize('NFC')).replace(/\u200B/g, ' ')
  const basic = ISO_BASIC.exec(text.trim())
  if (basic) return { text: `${basic[1]}-${basic[2]}-${basic[3]}`, buddhistYear: null }

  const han = HAN_DATE.exec(text)
  if (han) {
    const [, y, m, d] = han
    text = [d, m ? ENGLISH_MONTHS[Number(m) - 1] : undefined, y].filter(Boolean).join(' ')
    return { text, buddhistYear: null }
  }

  const thai = THAI.test(text)
  const buddhistMarked = BUDDHIST_ERA_MARK.test(text)
  const commonMarked = COMMON_ERA_MARK.test(text)
  text = text.replace(BUDDHIST_ERA_MARK, ' ').replace(COMMON_ERA_MARK, ' ')
  text = text.replace(MONTH_PATTERN, (name) => {
    const key = name.toLowerCase()
    const i = MONTH_LOOKUP.get(key) ?? MONTH_LOOKUP.get(key.replace(/\.$/, ''))
    return i === undefined ? name : ` ${ENGLISH_MONTHS[i]} `
  })
  text = text.replace(FILLER_PATTERN, ' ')
  text = text.replace(WORD_PATTERN, (word) => {
    const english = WORDS[word.toLowerCase()]
    return english === undefined ? word : ` ${english} `
  })
  // French and Portuguese times ('10h30') in the form the time-of-day rule knows.
  text = text.replace(/(?<!\d)(\d{1,2})\s*h\s*(\d{2})(?!\d)/g, '$1:$2')
  // Arabic comma and Khmer/Thai sentence marks are punctuation the English reader ignores.
  text = text.replace(/[،។៕]/g, ',').replace(/\s+/g, ' ').trim()

  let buddhistYear: number | null = null
  if ((thai || buddhistMarked) && !commonMarked) {
    text = text.replace(/\b(\d{4})\b/g, (y) => {
      const year = Number(y)
      if (year < 2400 && !buddhistMarked) return y
      buddhistYear = year
      return String(year - BUDDHIST_ERA_OFFSET)
    })
  }
  return { text, buddhistYear }
}
