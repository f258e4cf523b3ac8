/** Refusal replies in German (P-D's desk). */
import { humanBytes } from "../human-bytes.js";
import { listTags, type RefusalReplies } from "./types.js";

const size = (n: number) => humanBytes(n, "de");

const tagReply = (tag: string) =>
  `Ihre Nachricht nennt das Ticket ${tag}, konnte diesem Ticket von Ihrer Adresse aus aber nicht hinzugefügt werden.\n` +
  "Bitte prüfen Sie die Ticketnummer oder antworten Sie von der Adresse, mit der das Ticket eröffnet wurde. " +
  "Für ein neues Anliegen senden Sie bitte eine Nachricht ohne Ticketnummer im Betreff.";

export const de: RefusalReplies = {
  closing: "\n\nDies ist eine automatische Nachricht des Supports.",
  noSubject: "Ihre Nachricht an den Support",
  text: (d, showTag) => {
    switch (d.code) {
      case "MAIL_TOO_LARGE":
        return `Ihre Nachricht ist ${size(d.size)} groß; der Support nimmt Nachrichten bis ${size(d.limit)} an. Bitte senden Sie große Dateien auf anderem Weg.`;
      case "MISSING_SUBJECT":
        return "Ihre Nachricht hat keinen Betreff. Bitte senden Sie sie erneut mit einem kurzen Betreff, der sagt, worum es geht.";
      case "MISSING_BODY":
        return "Ihre Nachricht enthält keinen Text. Bitte beschreiben Sie Ihr Anliegen im Text der Nachricht.";
      case "BODY_TOO_LONG":
        return `Der Text Ihrer Nachricht ist ${d.length} Zeichen lang; der Support nimmt bis zu ${d.limit} an. Bitte kürzen Sie ihn oder hängen Sie lange Protokolle als Dateien an.`;
      case "ATTACHMENT_TOO_LARGE":
        return d.scope === "file"
          ? `Der Anhang „${d.file}“ ist ${size(d.size)} groß; jede Datei darf höchstens ${size(d.limit)} groß sein. Bitte senden Sie ihn auf anderem Weg oder teilen Sie ihn auf.`
          : `Zusammen mit „${d.file}“ sind Ihre Anhänge größer als ${size(d.limit)}, das Höchstmaß für eine Nachricht. Bitte verteilen Sie sie auf mehrere Nachrichten.`;
      case "TOO_MANY_ATTACHMENTS":
        return `Ihre Nachricht hat ${d.count} Anhänge; eine Nachricht darf höchstens ${d.limit} haben. Bitte verteilen Sie sie auf mehrere Nachrichten.`;
      case "AMBIGUOUS_TAG":
        return `Der Betreff Ihrer Nachricht nennt mehrere Tickets (${listTags(d.tags, showTag)}). Bitte nennen Sie nur das eine Ticket, um das es geht.`;
      case "UNKNOWN_TICKET":
      case "FOREIGN_TICKET":
      case "SENDER_NOT_ALLOWED":
        return tagReply(showTag(d.tag));
      case "MISSING_LOGIN":
        return (
          "Ihre Nachricht wurde nicht erfasst: Sie muss mit den Schlüsselfeldern beginnen, eines pro Zeile, zum Beispiel\n\n" +
          "Login: <Ihre Vertragsnummer>\nPriority: <1-4>\n\ngefolgt von der Beschreibung Ihres Anliegens."
        );
      case "UNKNOWN_LOGIN":
        return `Ihre Nachricht wurde nicht erfasst: Das Login „${d.login}“ ist uns nicht bekannt. Bitte prüfen Sie die Vertragsnummer in der Zeile Login.`;
      default:
        return undefined;
    }
  },
};
