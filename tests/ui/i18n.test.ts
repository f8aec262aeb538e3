import fs from 'node:fs';
import path from 'node:path';
import { dictionaries, pickLanguage, translator } from '../../src/ui/i18n';

const UI = path.resolve(__dirname, '../../src/ui');

/** Every key the panel's code and page name literally: t('key'), data-i18n="key", `prefix_${...}` families. */
function keysUsed(): { literal: string[]; prefixes: string[] } {
  const literal = new Set<string>();
  const prefixes = new Set<string>();
  for (const file of fs.readdirSync(UI)) {
    const source = fs.readFileSync(path.join(UI, file), 'utf8');
    for (const m of source.matchAll(/\bt\(\s*'([a-z0-9_]+)'/g)) literal.add(m[1]);
    for (const m of source.matchAll(/data-i18n="([a-z0-9_]+)"/g)) literal.add(m[1]);
    for (const m of source.matchAll(/t\(\s*`([a-z0-9_]+)\$\{/g)) prefixes.add(m[1]);
    for (const m of source.matchAll(/lookup\(t, '([a-z0-9_]+)'/g)) prefixes.add(m[1]);
  }
  return { literal: [...literal], prefixes: [...prefixes] };
}

describe('sidebar texts', () => {
  it('has the same keys in English and Spanish, none of them empty', () => {
    const en = Object.keys(dictionaries.en).sort();
    const es = Object.keys(dictionaries.es).sort();
    expect(es).toEqual(en);
    for (const language of ['en', 'es'] as const) {
      const empty = Object.entries(dictionaries[language]).filter(
        ([, v]) => typeof v !== 'string' || v.trim() === '',
      );
      expect(empty).toEqual([]);
    }
  });

  it('has every key the panel uses, in both languages', () => {
    const { literal, prefixes } = keysUsed();
    expect(literal.length).toBeGreaterThan(100);
    for (const language of ['en', 'es'] as const) {
      expect(literal.filter((key) => !(key in dictionaries[language]))).toEqual([]);
      for (const prefix of prefixes) {
        expect(Object.keys(dictionaries[language]).some((key) => key.startsWith(prefix))).toBe(true);
      }
    }
  });

  it('uses the same placeholders in both languages', () => {
    const placeholders = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
    const differing = Object.keys(dictionaries.en).filter(
      (key) =>
        JSON.stringify(placeholders(dictionaries.en[key as keyof typeof dictionaries.en])) !==
        JSON.stringify(placeholders(dictionaries.es[key as keyof typeof dictionaries.es])),
    );
    expect(differing).toEqual([]);
  });

  it('is really translated: most Spanish texts differ from the English ones', () => {
    const keys = Object.keys(dictionaries.en) as (keyof typeof dictionaries.en)[];
    const same = keys.filter((k) => dictionaries.en[k] === dictionaries.es[k]);
    expect(same.length).toBeLessThan(keys.length / 10);
  });
});

describe('pickLanguage', () => {
  it('prefers ?hl= over the template locale over the browser language', () => {
    expect(pickLanguage({ query: 'es', dataLocale: 'en', navigatorLanguage: 'en-US' })).toBe('es');
    expect(pickLanguage({ query: null, dataLocale: 'es_CL', navigatorLanguage: 'en-US' })).toBe('es');
    expect(pickLanguage({ query: null, dataLocale: '', navigatorLanguage: 'es-419' })).toBe('es');
    expect(pickLanguage({ query: 'en', dataLocale: 'es', navigatorLanguage: 'es' })).toBe('en');
  });

  it('ignores a template scriptlet the server did not evaluate', () => {
    const raw = "<?= typeof locale === 'string' ? locale : '' ?>";
    expect(pickLanguage({ dataLocale: raw, navigatorLanguage: 'es-CL' })).toBe('es');
  });

  it('falls back to English for other languages and for nothing at all', () => {
    expect(pickLanguage({ dataLocale: 'fr-FR', navigatorLanguage: 'es' })).toBe('en');
    expect(pickLanguage({})).toBe('en');
  });
});

describe('translator', () => {
  it('fills placeholders and leaves unknown ones visible', () => {
    const t = translator('es');
    expect(t('run_progress', { done: '5', total: '10' })).toBe('5 de 10 filas');
    expect(t('run_progress', { done: '5' })).toBe('5 de {total} filas');
  });
});
