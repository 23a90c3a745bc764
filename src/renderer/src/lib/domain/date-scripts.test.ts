import { describe, expect, it } from 'vitest'
import { fromOtherScripts, toLatinDigits } from './date-scripts'
import { parseUserDate } from './user-dates'
import { readDraftDate } from './import/draft'

function edtf(input: string): string | null {
  const read = parseUserDate(input)
  return read.ok ? read.edtf : null
}

describe('dates in other scripts and languages', () => {
  it('reads Khmer, Thai, Arabic-Indic and Persian digits', () => {
    expect(toLatinDigits('២០១៩-០៧-២៧')).toBe('2019-07-27')
    expect(toLatinDigits('٢٧ ٧ ٢٠١٩')).toBe('27 7 2019')
    expect(toLatinDigits('๒๗')).toBe('27')
    expect(toLatinDigits('۱۳۹۸')).toBe('1398')
  })

  it.each([
    ['ថ្ងៃទី២៧ ខែកក្កដា ឆ្នាំ២០១៩', '2019-07-27'],
    ['២៧ កក្កដា ២០១៩', '2019-07-27'],
    ['២០១៩-០៧-២៧', '2019-07-27'],
    ['ថ្ងៃសៅរ៍ ទី២៧ ខែកក្កដា ឆ្នាំ២០១៩', '2019-07-27'],
    ['ថ្ងៃទី\u200B២៧ ខែ\u200Bកក្កដា ឆ្នាំ\u200B២០១៩', '2019-07-27'],
    ['ខែកុម្ភៈ ២០២០', '2020-02'],
    ['27 กรกฎาคม 2562', '2019-07-27'],
    ['๒๗ ก.ค. ๒๕๖๒', '2019-07-27'],
    ['วันเสาร์ที่ 27 กรกฎาคม พ.ศ. 2562', '2019-07-27'],
    ['27 กรกฎาคม ค.ศ. 2019', '2019-07-27'],
    ['٢٧ يوليو ٢٠١٩', '2019-07-27'],
    ['السبت 27 تموز 2019', '2019-07-27'],
    ['27 juillet 2019', '2019-07-27'],
    ['samedi 27 juillet 2019', '2019-07-27'],
    ['1er janvier 2020', '2020-01-01'],
    ['27 de julio de 2019', '2019-07-27'],
    ['27 de julho de 2019', '2019-07-27'],
    ['março de 2018', '2018-03'],
    ['20180619T055000+0900', '2018-06-19'],
    ['20180619', '2018-06-19'],
    ['2019年7月27日', '2019-07-27'],
    ['2019年7月', '2019-07'],
  ])('%s → %s', (input, expected) => {
    expect(edtf(input)).toBe(expected)
  })

  it('shows a Buddhist Era year as written, beside the year it is', () => {
    const read = parseUserDate('27 กรกฎาคม 2562')
    expect(read.ok && read.words).toBe('27 July 2019 (Buddhist Era 2562)')
    expect(fromOtherScripts('27 กรกฎาคม 2562').buddhistYear).toBe(2562)
  })

  it('still refuses what is ambiguous or wrong, naming the input as written', () => {
    expect(edtf('03/04/2018')).toBeNull()
    expect(edtf('٠٣/٠٤/٢٠١٨')).toBeNull()
    const bad = parseUserDate('៣២ កក្កដា ២០១៩')
    expect(bad.ok).toBe(false)
    expect(!bad.ok && bad.error).toContain('32')
    expect(edtf('27 juillet')).toBeNull()
  })

  it('leaves English and EDTF input to the English reader unchanged', () => {
    expect(fromOtherScripts('12 December 2007').text).toBe('12 December 2007')
    expect(edtf('circa 2018')).toBe('2018~')
    expect(edtf('2018-06')).toBe('2018-06')
    // 'Mars' is French for March only as a whole word.
    expect(edtf('marshland 2019')).toBeNull()
  })

  it('reads datelines found in pages, with their times', () => {
    expect(readDraftDate('ថ្ងៃទី២៧ ខែកក្កដា ឆ្នាំ២០១៩ ម៉ោង ១០:៣០').edtf).toBe('2019-07-27')
    expect(readDraftDate('Publié le 27 juillet 2019 à 10h30').edtf).toBe('2019-07-27')
    expect(readDraftDate('20180619T055000+0900').edtf).toBe('2018-06-19')
    expect(readDraftDate('27 ก.ค. 2562 เวลา 10:30 น.').edtf).toBe('2019-07-27')
  })
})
