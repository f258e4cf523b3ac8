/** German mail templates. */
import type { MetricLabels, TemplateSet } from "./types.js";

const sign = "\n\nIhr Support-Team";

export const de: TemplateSet = {
  "ticket-opened": {
    subject: "Ticket erhalten: {subject}",
    text:
      "Guten Tag{?requesterName} {requesterName}{/requesterName},\n\nwir haben Ihre Anfrage „{subject}“ erhalten und als Ticket {number} erfasst (Priorität: {priorityName})." +
      "{?link}\nSie können es hier verfolgen: {link}{/link}\n\nBitte lassen Sie {tag} im Betreff, wenn Sie antworten, damit Ihre Nachricht diesem Ticket zugeordnet wird." +
      sign,
  },
  "phone-in-reminder": {
    subject: "Bitte zusätzlich telefonisch melden: {subject}",
    text:
      "Ihre Anfrage „{subject}“ (Ticket {number}) hat die Priorität {priorityName}. Anfragen dieser Priorität müssen zusätzlich telefonisch gemeldet werden{?phone}: {phone}{/phone}.\n\nDies ist eine Erinnerung; Ihr Ticket ist erfasst." +
      sign,
  },
  "ticket-accepted": {
    subject: "In Bearbeitung: {subject}",
    text:
      "Ihre Anfrage „{subject}“ (Ticket {number}) wurde angenommen und wird jetzt bearbeitet.{?link}\n\n{link}{/link}" +
      sign,
  },
  "ticket-awaiting-customer": {
    subject: "Rückfrage zu Ihrem Ticket: {subject}",
    text:
      "Um Ticket {number} weiter bearbeiten zu können, benötigen wir weitere Informationen von Ihnen.{?question}\n\nUnsere Frage: {question}{/question}\n\nBitte antworten Sie auf diese Nachricht{?link} oder kommentieren Sie unter {link}{/link}." +
      sign,
  },
  "session-booking-link": {
    subject: "Termin mit einem Techniker vereinbaren: {subject}",
    text:
      "Um Ticket {number} gemeinsam mit Ihnen zu bearbeiten, möchten wir einen Termin vereinbaren.{?question}\n\n{question}{/question}{?bookingLink}\n\nBitte wählen Sie hier einen Termin: {bookingLink}{/bookingLink}" +
      sign,
  },
  "session-scheduled": {
    subject: "Termin bestätigt: {subject}",
    text:
      "Ihr Termin zu Ticket {number} ist von {start} bis {end} gebucht. Ein Techniker ruft Sie dann an.{?link}\n\n{link}{/link}" +
      sign,
  },
  "approval-requested": {
    subject: "Freigabe erforderlich: {subject}",
    text:
      "Der Änderungsantrag „{subject}“ (Ticket {number}) benötigt Ihre Freigabe, bevor die Arbeit beginnen kann.{?question}\n\n{question}{/question}{?link}\n\nHier prüfen: {link}{/link}" +
      sign,
  },
  "ticket-resolved": {
    subject: "Bearbeitet: {subject}",
    text:
      "Ticket {number} wurde bearbeitet.\n\nLösung: {resolution}{?closesAt}\n\nEs wird am {closesAt} automatisch geschlossen, sofern Sie nicht widersprechen. Eine Antwort auf diese Nachricht öffnet es wieder.{/closesAt}" +
      sign,
  },
  "feedback-request": {
    subject: "Wie zufrieden waren Sie? {subject}",
    text:
      "Ticket {number} wurde bearbeitet. Bitte sagen Sie uns, wie zufrieden Sie sind: positiv, neutral oder negativ.{?link}\n\n{link}{/link}" +
      sign,
  },
  "ticket-closed": {
    subject: "Geschlossen: {subject}",
    text: `Ticket {number} („{subject}“) ist jetzt geschlossen.${sign}`,
  },
  "ticket-reopened": {
    subject: "Wieder geöffnet: {subject}",
    text: "Ticket {number} (Priorität {priorityName}) wurde wieder geöffnet.{?link}\n\n{link}{/link}",
  },
  "priority-changed": {
    subject: "Priorität geändert: {subject}",
    text:
      "Der Support hat die Priorität von Ticket {number} von {fromName} auf {toName} geändert.{?reason}\n\nGrund: {reason}{/reason}" +
      sign,
  },
  "public-reply": {
    subject: "Neue Antwort: {subject}",
    text: "{body}\n\n--\nTicket {number}{?link}: {link}{/link}",
  },
  "customer-comment": {
    subject: "Kundenkommentar: {subject}",
    text: "{?requesterName}{requesterName} hat kommentiert – {/requesterName}Ticket {number}:\n\n{body}{?link}\n\n{link}{/link}",
  },
  "escalation-reached": {
    subject: "Eskalationsstufe {level}: {subject}",
    text: "Ticket {number} (Priorität {priorityName}) hat bei der {metric} die Eskalationsstufe {level} erreicht. Informiert: {roles}.{?link}\n\n{link}{/link}",
  },
  "escalation-requested": {
    subject: "Eskalation durch den Kunden, Stufe {level}: {subject}",
    text: "Der Kunde hat Ticket {number} (Priorität {priorityName}) auf Stufe {level} eskaliert.{?reason}\n\nGrund: {reason}{/reason}{?link}\n\n{link}{/link}",
  },
  "sla-warning": {
    subject: "SLA-Warnung: {subject}",
    text: "Die {metric} von Ticket {number} (Priorität {priorityName}) läuft ab ({warning}). Frist: {deadline}.{?link}\n\n{link}{/link}",
  },
  "sla-breach": {
    subject: "SLA verletzt: {subject}",
    text: "Die {metric} von Ticket {number} (Priorität {priorityName}) wurde überschritten. Die Frist war {deadline}.{?link}\n\n{link}{/link}",
  },
  "ola-breach": {
    subject: "OLA verfehlt von {group}: {subject}",
    text: "Die Gruppe {group} hat ihre interne Frist (OLA) für Ticket {number} (Priorität {priorityName}) nicht eingehalten. Die Frist war {deadline}.{?link}\n\n{link}{/link}",
  },
};

export const deMetrics: MetricLabels = {
  response: "Reaktionszeit",
  plan: "Zeit bis zum Lösungsplan",
  resolution: "Lösungszeit",
  "next-reply": "Antwortzeit",
};
