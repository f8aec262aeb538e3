// One rule for every value the add-on keeps in a document property (checkpoints, cursors, history entries): Apps
// Script holds at most 9 KB per value (https://developers.google.com/apps-script/guides/services/quotas
// #current_limitations), counted in UTF-8 bytes. Counted in characters, a value of Spanish or Japanese text (two or
// three bytes a character) passes the check and is then refused by the property service.

/** The add-on's ceiling per value: under the platform's 9 KB, with room for the key. */
export const MAX_STORED_BYTES = 8500;

export function utf8Bytes(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code < 0xdc00) {
      bytes += 4;
      i += 1;
    } else bytes += 3;
  }
  return bytes;
}

export function fitsOneProperty(json: string): boolean {
  return utf8Bytes(json) <= MAX_STORED_BYTES;
}

/** The value as stored; `what` names it in the error when it cannot fit ("The rollback checkpoint"). */
export function propertyValue(value: unknown, what: string): string {
  const json = JSON.stringify(value);
  if (!fitsOneProperty(json)) {
    throw new Error(
      `${what} is ${utf8Bytes(json).toLocaleString('en-US')} bytes; a document property holds at most ` +
        `${MAX_STORED_BYTES.toLocaleString('en-US')} of the add-on's values.`,
    );
  }
  return json;
}
