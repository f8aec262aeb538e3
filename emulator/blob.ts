import type { Execution } from './execution';
import { register } from './handles';
import { vmArray } from './realm';
import { service } from './service';

// Class Blob, minimal: text data. https://developers.google.com/apps-script/reference/base/blob

export interface BlobData {
  bytes: Buffer;
  contentType: string | null;
  name: string | null;
}

export function toSignedBytes(exec: Execution, buf: Buffer): number[] {
  return vmArray(
    exec.realm,
    Array.from(buf, (b) => (b > 127 ? b - 256 : b)),
  );
}

export function bytesFrom(data: unknown): Buffer {
  if (Array.isArray(data)) return Buffer.from(data.map((b: number) => b & 0xff));
  return Buffer.from(data === undefined || data === null ? '' : String(data), 'utf8');
}

export function blobHandle(exec: Execution, data: BlobData): object {
  const impl = {
    getDataAsString: (charset?: unknown) =>
      data.bytes.toString(String(charset ?? 'utf8').toLowerCase() === 'utf-8' ? 'utf8' : 'utf8'),
    getBytes: () => toSignedBytes(exec, data.bytes),
    getContentType: () => data.contentType,
    setContentType(t: unknown) {
      data.contentType = t === null ? null : String(t);
      return proxy;
    },
    getName: () => data.name,
    setName(n: unknown) {
      data.name = String(n);
      return proxy;
    },
    setDataFromString(s: unknown) {
      data.bytes = bytesFrom(s);
      return proxy;
    },
    copyBlob: () => blobHandle(exec, { ...data, bytes: Buffer.from(data.bytes) }),
    isGoogleType: () => false,
  };
  const proxy: object = register(service(exec, 'Blob', impl), 'Blob', data);
  return proxy;
}
