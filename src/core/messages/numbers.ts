import type { Translate } from '.';

/** A whole number with its digits grouped as the owner's language groups them ("24,275", "24.275"). */
export function groupDigits(n: number, t: Translate): string {
  const sign = n < 0 ? '-' : '';
  return sign + String(Math.round(Math.abs(n))).replace(/\B(?=(\d{3})+(?!\d))/g, t('digit_group'));
}
