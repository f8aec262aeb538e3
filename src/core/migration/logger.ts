import type { Logger } from '../ports';
import type { LogLevel } from '../contract';

const RANK: Record<LogLevel, number> = { debug: 0, info: 1, warn: 2, error: 3 };

/** Passes on the messages at or above the configured level, prefixed so they stand out in the execution log. */
export function leveledLogger(base: Logger, level: LogLevel, prefix = '[migration]'): Logger {
  const at =
    (messageLevel: LogLevel) =>
    (message: string): void => {
      if (RANK[messageLevel] >= RANK[level]) base[messageLevel](`${prefix} ${message}`);
    };
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}
