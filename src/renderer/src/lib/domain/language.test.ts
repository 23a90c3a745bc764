import { describe, expect, it } from 'vitest'
import { detectLanguage, directionOf, languageFromText, normaliseLanguageTag } from './language'

describe('language tags and directions', () => {
  it('canonicalises tags and refuses what is not one', () => {
    expect(normaliseLanguageTag('en_us')).toBe('en-US')
    expect(normaliseLanguageTag('KM')).toBe('km')
    expect(normaliseLanguageTag('und')).toBeNull()
    expect(normaliseLanguageTag('not a tag')).toBeNull()
    expect(normaliseLanguageTag('')).toBeNull()
  })

  it('knows which languages and scripts run right to left', () => {
    expect(directionOf('ar')).toBe('rtl')
    expect(directionOf('he-IL')).toBe('rtl')
    expect(directionOf('fa')).toBe('rtl')
    expect(directionOf('ku-Arab')).toBe('rtl')
    expect(directionOf('az-Latn')).toBe('ltr')
    expect(directionOf('km')).toBe('ltr')
  })
})

describe('the script check', () => {
  it.each([
    ['ក្រសួងមហាផ្ទៃបានប្រកាសពីផែនការថ្មីដើម្បីប្រយុទ្ធប្រឆាំងនឹងការជួញដូរមនុស្ស', 'km'],
    ['กระทรวงมหาดไทยประกาศแผนใหม่เพื่อต่อต้านการค้ามนุษย์ในประเทศ', 'th'],
    ['أعلنت وزارة الداخلية عن خطة جديدة لمكافحة الاتجار بالبشر في البلاد', 'ar'],
    ['内政部宣布了打击人口贩卖的新计划，警方已逮捕多名嫌疑人。', 'zh'],
    ['内務省は人身売買に対抗するための新しい計画を発表しました。', 'ja'],
    ['משרד הפנים הודיע על תוכנית חדשה למאבק בסחר בבני אדם', 'he'],
    ['The ministry said on Monday that the plan was approved by the cabinet and the police.', 'en'],
    ['Le ministère a annoncé que le plan est approuvé par le gouvernement et la police.', 'fr'],
    [
      'El ministerio dijo que el plan fue aprobado por el gobierno y la policía de la ciudad.',
      'es',
    ],
    ['O ministério disse que o plano foi aprovado pelo governo e que a polícia não sabia.', 'pt'],
  ])('%s → %s', (text, tag) => {
    expect(languageFromText(text)).toBe(tag)
  })

  it('says nothing about too little text', () => {
    expect(languageFromText('2019')).toBeNull()
    expect(languageFromText('Hun Sen')).toBeNull()
  })
})

describe('detectLanguage', () => {
  const khmer = 'ក្រសួងមហាផ្ទៃបានប្រកាសពីផែនការថ្មីដើម្បីប្រយុទ្ធប្រឆាំងនឹងការជួញដូរមនុស្ស'

  it('takes the page’s lang when the text agrees', () => {
    expect(detectLanguage({ page: 'km-KH', text: khmer })).toEqual({
      tag: 'km-KH',
      direction: 'ltr',
      source: 'page',
    })
    expect(detectLanguage({ page: 'pt-BR', text: 'O plano foi aprovado.' }).tag).toBe('pt-BR')
  })

  it('goes by the text when the page declares a language it is not written in', () => {
    expect(detectLanguage({ page: 'en', ogLocale: 'en_US', text: khmer })).toEqual({
      tag: 'km',
      direction: 'ltr',
      source: 'text',
      declared: 'en',
    })
  })

  it('falls back through Content-Language and og:locale, then the text, then English', () => {
    expect(detectLanguage({ ogLocale: 'ar_AR', text: 'أعلنت وزارة الداخلية' }).tag).toBe('ar-AR')
    expect(detectLanguage({ ogLocale: 'ar_AR', text: '' }).direction).toBe('rtl')
    expect(detectLanguage({ text: 'أعلنت وزارة الداخلية عن خطة جديدة' })).toMatchObject({
      tag: 'ar',
      direction: 'rtl',
      source: 'text',
    })
    expect(detectLanguage({ text: '' })).toMatchObject({ tag: 'en', source: 'default' })
  })
})
