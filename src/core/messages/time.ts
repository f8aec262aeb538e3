/** An ISO time as a person reads it in any language: "2026-11-24 12:00 UTC" (a bad value is shown as given). */
export function readableTime(isoTime: string): string {
  const ms = Date.parse(isoTime);
  if (Number.isNaN(ms)) return isoTime;
  return `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}
