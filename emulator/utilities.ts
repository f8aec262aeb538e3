import { createHash } from 'node:crypto';
import { format } from 'node:util';
import { blobHandle, bytesFrom, toSignedBytes } from './blob';
import { ServiceError } from './errors';
import type { Execution } from './execution';
import { formatDate } from './format-date';
import { isDate } from './realm';
import { enumOf, service } from './service';

// Utilities: https://developers.google.com/apps-script/reference/utilities/utilities

export const MAX_SLEEP_MS = 300000;

const DIGESTS: Record<string, string> = {
  MD2: 'md2',
  MD5: 'md5',
  SHA_1: 'sha1',
  SHA_256: 'sha256',
  SHA_384: 'sha384',
  SHA_512: 'sha512',
};

export function utilitiesService(exec: Execution): object {
  return service(exec, 'Utilities', {
    DigestAlgorithm: enumOf(Object.keys(DIGESTS)),
    Charset: enumOf(['US_ASCII', 'UTF_8'] as const),
    formatDate(date: unknown, timeZone: unknown, pattern: unknown) {
      if (!isDate(date)) {
        throw new ServiceError(
          `The parameters (${typeof date},String,String) don't match the method signature for Utilities.formatDate.`,
        );
      }
      return formatDate(date.getTime(), String(timeZone), String(pattern));
    },
    formatString: (template: unknown, ...args: unknown[]) => format(String(template), ...args),
    getUuid: () => exec.world.ids.uuid(),
    sleep(ms: unknown) {
      const n = Number(ms);
      if (!(n >= 0) || n > MAX_SLEEP_MS)
        throw new ServiceError(`Invalid argument: milliseconds (max ${MAX_SLEEP_MS})`);
      exec.sleep(n);
    },
    computeDigest(algorithm: unknown, value: unknown) {
      const algo = DIGESTS[String(algorithm)];
      if (!algo) throw new ServiceError('Invalid argument: algorithm');
      return toSignedBytes(exec, createHash(algo).update(bytesFrom(value)).digest());
    },
    base64Encode: (data: unknown) => bytesFrom(data).toString('base64'),
    base64EncodeWebSafe: (data: unknown) =>
      bytesFrom(data).toString('base64').replace(/\+/g, '-').replace(/\//g, '_'),
    base64Decode: (s: unknown) => toSignedBytes(exec, Buffer.from(String(s), 'base64')),
    newBlob(data?: unknown, contentType?: unknown, name?: unknown) {
      return blobHandle(exec, {
        bytes: bytesFrom(data),
        contentType: contentType === undefined ? null : String(contentType),
        name: name === undefined ? null : String(name),
      });
    },
  });
}

function text(args: unknown[]): string {
  return args
    .map((a) =>
      typeof a === 'string'
        ? a
        : a !== null && typeof a === 'object' && !isDate(a)
          ? JSON.stringify(a)
          : String(a),
    )
    .join(' ');
}

export function loggerService(exec: Execution): object {
  const proxy: object = service(exec, 'Logger', {
    log(first: unknown, ...rest: unknown[]) {
      const message =
        typeof first === 'string' && rest.length > 0 ? format(first, ...rest) : text([first, ...rest]);
      exec.log('info', message);
      return proxy;
    },
    getLog: () => exec.logs.map((l) => l.message).join('\n'),
    clear() {
      exec.logs.length = 0;
    },
  });
  return proxy;
}

/** console inside the vm: captured into the execution's logs (not a service: never counted). */
export function consoleFor(exec: Execution): Console {
  const at =
    (level: 'log' | 'info' | 'warn' | 'error' | 'debug') =>
    (...args: unknown[]) =>
      exec.log(level, text(args));
  return {
    log: at('log'),
    info: at('info'),
    warn: at('warn'),
    error: at('error'),
    debug: at('debug'),
  } as unknown as Console;
}
