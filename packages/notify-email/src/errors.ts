/**
 * Errors of the mail channel, as values with a stable `code`. Guards check the code, so they
 * work across copies of the package (ESM and CJS builds loaded side by side).
 */

export type EmailError =
  | {
      /** A header value (address, display name) contains CR or LF: it could add headers. */
      readonly code: "EMAIL_HEADER_INJECTION";
      readonly field: string;
      readonly message: string;
    }
  | { readonly code: "EMAIL_INVALID_ADDRESS"; readonly field: string; readonly message: string }
  | {
      readonly code: "EMAIL_TEMPLATE_MISSING";
      readonly templateKey: string;
      readonly locale: string;
      readonly message: string;
    }
  | {
      /** The SMTP peer refused or the connection failed; `retryable` unless it was a 5xx answer. */
      readonly code: "EMAIL_SEND_FAILED";
      readonly retryable: boolean;
      readonly responseCode?: number;
      readonly message: string;
    };

export type EmailErrorCode = EmailError["code"];

export const isEmailError = (u: unknown): u is EmailError =>
  typeof u === "object" &&
  u !== null &&
  typeof (u as { code?: unknown }).code === "string" &&
  (u as { code: string }).code.startsWith("EMAIL_");

/** A value or an error, without a dependency on fp-ts. */
export type Result<A> = { readonly ok: true; readonly value: A } | { readonly ok: false; readonly error: EmailError };

export const ok = <A>(value: A): Result<A> => ({ ok: true, value });
export const fail = <A>(error: EmailError): Result<A> => ({ ok: false, error });
