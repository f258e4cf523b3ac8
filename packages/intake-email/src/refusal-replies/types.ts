/**
 * The text of refusal replies in one language. Only refusals the sender can act on have one;
 * the three tag refusals share one text, so a stranger guessing ticket numbers learns nothing
 * about which tickets exist or whose they are.
 */
import type { RefusalDetails } from "../refusal.js";

export interface RefusalReplies {
  /** The reply's body for `details`; `undefined` = this refusal is never answered. */
  readonly text: (details: RefusalDetails, showTag: (tag: string) => string) => string | undefined;
  /** The line that ends every reply. */
  readonly closing: string;
  /** The reply's subject when the mail had none (else `Re: <subject>`, RFC 5322 §3.6.5). */
  readonly noSubject: string;
}

/** At most ten tags, so a subject naming thousands does not make a reply of thousands. */
export const listTags = (tags: readonly string[], showTag: (tag: string) => string): string =>
  tags.slice(0, 10).map(showTag).join(", ") + (tags.length > 10 ? ", …" : "");
