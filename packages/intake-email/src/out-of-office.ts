/**
 * Out-of-office subjects in English, German and Russian, as mail programs write them:
 * `Automatic reply: …` (Outlook), `Out of Office: …`, `Abwesenheitsnotiz: …`, `Automatische
 * Antwort: …`, `Автоматический ответ: …`. A subject counts when it *starts* with one of the
 * phrases (any case) and either ends there or goes on with `:`; a phrase elsewhere in the
 * subject (`Printer is out of office hours`) does not count. Matching is `startsWith` over a
 * fixed list: linear in the subject, no pattern to backtrack.
 */

export const outOfOfficePhrases: readonly string[] = [
  // English
  "automatic reply",
  "automatic response",
  "auto reply",
  "auto-reply",
  "autoreply",
  "auto response",
  "auto-response",
  "autoresponse",
  "out of office",
  "out of the office",
  "out-of-office",
  "out of office reply",
  "out of office autoreply",
  "out of office auto reply",
  // German
  "automatische antwort",
  "abwesenheitsnotiz",
  "automatische abwesenheitsnotiz",
  "abwesenheitsmeldung",
  "nicht im büro",
  // Russian
  "автоматический ответ",
  "автоответ",
  "нет на месте",
  "вне офиса",
];

/** Whether the (cleaned, one-line) subject is an out-of-office notice's subject. */
export const isOutOfOfficeSubject = (subject: string): boolean => {
  const lower = subject.trimStart().toLowerCase();
  return outOfOfficePhrases.some((phrase) => {
    if (!lower.startsWith(phrase)) return false;
    let i = phrase.length;
    while (lower[i] === " ") i++;
    return i === lower.length || lower[i] === ":";
  });
};
