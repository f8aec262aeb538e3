// The chain as the panel shows it: the schema the sheet is at, the migrations applied (each with its backup) and
// those pending, and which of the pending ones the owner may run up to. Pure: from getSchemaInfo() and the phase.
import type { SchemaInfo } from './contract';
import { formatTime } from './format';
import { safeUrl } from './history';
import type { Translate } from './i18n';
import { schemaLabel } from './labels';

export interface ChainView {
  show: boolean;
  /** 'v3.0', 'partly migrated', ... */
  current: string;
  applied: { migration: string; when: string | null; backup: { name: string; url: string | null } | null }[];
  pending: { migration: string; description: string }[];
  /** The pending migrations the owner may run up to, in order; empty when no choice is offered now. */
  targets: { id: string; label: string }[];
  /** The migration the primary action runs up to: the owner's choice, else the next pending one. */
  target: string | null;
}

/** `canChoose`: the primary action starts the chain's next migration now (no run under way or failed). */
export function deriveChain(
  info: SchemaInfo | null,
  chosen: string | null,
  canChoose: boolean,
  ctx: { t: Translate; locale: string },
): ChainView {
  const { t, locale } = ctx;
  if (!info) return { show: false, current: '', applied: [], pending: [], targets: [], target: null };
  const pending = (Array.isArray(info.pending) ? info.pending : []).map((p) => ({
    migration: String(p.migration),
    description: typeof p.description === 'string' ? p.description : '',
  }));
  const applied = (Array.isArray(info.applied) ? info.applied : []).map((a) => ({
    migration: String(a.migration),
    when: typeof a.completed_at === 'string' ? formatTime(a.completed_at, locale) : null,
    backup: a.backup?.name ? { name: a.backup.name, url: safeUrl(a.backup.url) } : null,
  }));
  const ids = pending.map((p) => p.migration);
  const target = chosen && ids.includes(chosen) ? chosen : (ids[0] ?? null);
  const targets =
    canChoose && ids.length > 1
      ? ids.map((id, i) => ({
          id,
          label:
            i === 0
              ? t('chain_target_next', { migration: id })
              : t('chain_target_through', { migration: id, count: i + 1 }),
        }))
      : [];
  return { show: true, current: schemaLabel(t, info.current), applied, pending, targets, target };
}
