// A migration's one-line description in the owner's language (English when the spec has none in theirs).
import type { Language } from '../messages';
import type { Migration } from './types';

export function describedIn(migration: Migration, language: Language): string {
  return (language === 'en' ? undefined : migration.descriptions?.[language]) ?? migration.description;
}
