import { messagesFor, type Translate } from '../core/messages';
import { gasSession } from '../gas/session';

/** The menu's and alerts' text in the language of the person using the spreadsheet. */
export function ownerText(): Translate {
  return messagesFor(gasSession());
}
