/**
 * Sizes the way people read them in a refusal reply: 10485760 → "10 MiB", in the reply's
 * language (unit names and the decimal comma of German and Russian).
 */
import type { Locale } from "@ticketfold/core";

const UNITS: Readonly<Record<Locale, { bytes: string; KiB: string; MiB: string; comma: boolean }>> = {
  en: { bytes: "bytes", KiB: "KiB", MiB: "MiB", comma: false },
  de: { bytes: "Byte", KiB: "KiB", MiB: "MiB", comma: true },
  ru: { bytes: "байт", KiB: "КиБ", MiB: "МиБ", comma: true },
};

const MIB = 1024 * 1024;

/** `n` bytes as "10 MiB", "1.5 MiB", "12 KiB" or "900 bytes" (German "1,5 MiB", Russian "1,5 МиБ"). */
export const humanBytes = (n: number, locale: Locale = "en"): string => {
  const u = UNITS[locale];
  const decimal = (x: number) => (u.comma ? x.toFixed(1).replace(".", ",") : x.toFixed(1));
  if (n >= MIB) return n % MIB === 0 ? `${n / MIB} ${u.MiB}` : `${decimal(n / MIB)} ${u.MiB}`;
  return n >= 1024 ? `${Math.ceil(n / 1024)} ${u.KiB}` : `${n} ${u.bytes}`;
};
