// Picks the sidebar's language and fills its texts. English and Spanish; anything else falls back to English.
import { en, type MessageKey } from './messages-en';
import { es } from './messages-es';

export type Language = 'en' | 'es';
export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

export const dictionaries: Record<Language, Record<MessageKey, string>> = { en, es };

const LOCALE_PATTERN = /^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*$/;

function languageOf(locale: string | null | undefined): Language | null {
  if (!locale || !LOCALE_PATTERN.test(locale.trim())) return null;
  const primary = locale.trim().slice(0, 2).toLowerCase();
  return primary === 'es' ? 'es' : primary === 'en' ? 'en' : null;
}

function isLocale(locale: string | null | undefined): boolean {
  return !!locale && LOCALE_PATTERN.test(locale.trim());
}

/**
 * The first usable locale wins: `?hl=` in the page address, the `data-locale` the server template set on
 * <html>, then the browser's language. A template scriptlet left unevaluated (`<?= ... ?>`) is ignored.
 */
export function pickLanguage(sources: {
  query?: string | null;
  dataLocale?: string | null;
  navigatorLanguage?: string | null;
}): Language {
  for (const locale of [sources.query, sources.dataLocale, sources.navigatorLanguage]) {
    if (isLocale(locale)) return languageOf(locale) ?? 'en';
  }
  return 'en';
}

export function translator(language: Language): Translate {
  const dictionary = dictionaries[language];
  return (key, params) => {
    const text = dictionary[key] ?? en[key] ?? key;
    if (!params) return text;
    return text.replace(/\{(\w+)\}/g, (match, name: string) =>
      Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : match,
    );
  };
}
