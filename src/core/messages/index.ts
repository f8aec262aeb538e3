// The server's human text in the owner's language: one catalogue (en.ts, es.ts with the same keys), chosen from
// the user's locale (Session.getActiveUserLocale through the session port). Anything but Spanish reads English.
import type { SessionPort } from '../ports';
import { en, type MessageKey } from './en';
import { es } from './es';

export type { MessageKey } from './en';
export type Language = 'en' | 'es';
export type Params = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: Params) => string;

export const catalogues: Record<Language, Record<MessageKey, string>> = { en, es };

export function languageOf(locale: string | null | undefined): Language {
  return typeof locale === 'string' && /^es(?:[-_]|$)/i.test(locale.trim()) ? 'es' : 'en';
}

export function translator(language: Language): Translate {
  const catalogue = catalogues[language];
  return (key, params) => {
    const text = catalogue[key] ?? en[key];
    if (!params) return text;
    return text.replace(/\{(\w+)\}/g, (match, name: string) =>
      Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : match,
    );
  };
}

const bySession = new WeakMap<SessionPort, Translate>();
const languages = new WeakMap<SessionPort, Language>();

/**
 * The language of this execution's user: the locale read on first need (one round trip), then remembered. A
 * session that cannot tell its locale reads English.
 */
export function languageFor(session: SessionPort): Language {
  let language = languages.get(session);
  if (!language) {
    let locale = '';
    try {
      locale = session.locale();
    } catch {
      locale = '';
    }
    language = languageOf(locale);
    languages.set(session, language);
  }
  return language;
}

/**
 * The translator of this execution's user. The locale is read on the first text asked for (one round trip),
 * never before: an execution that says nothing to a person does not pay for it. A session that cannot tell its
 * locale reads English.
 */
export function messagesFor(session: SessionPort): Translate {
  let t = bySession.get(session);
  if (!t) {
    let resolved: Translate | null = null;
    t = (key, params) => {
      if (!resolved) resolved = translator(languageFor(session));
      return resolved(key, params);
    };
    bySession.set(session, t);
  }
  return t;
}
