/** English mail templates (the fallback for keys a locale does not have). */
import type { MetricLabels, TemplateSet } from "./types.js";

const sign = "\n\nYour support team";

export const en: TemplateSet = {
  "ticket-opened": {
    subject: "Ticket received: {subject}",
    text:
      'Hello{?requesterName} {requesterName}{/requesterName},\n\nwe have received your request "{subject}" and registered it as ticket {number} (priority: {priorityName}).' +
      "{?link}\nYou can follow it here: {link}{/link}\n\nPlease keep {tag} in the subject when you reply, so your message reaches this ticket." +
      sign,
  },
  "phone-in-reminder": {
    subject: "Please also phone in: {subject}",
    text:
      'Your request "{subject}" (ticket {number}) has priority {priorityName}. Requests of this priority must also be reported by phone{?phone}: {phone}{/phone}.\n\nThis is a reminder; your ticket is registered.' +
      sign,
  },
  "ticket-accepted": {
    subject: "Accepted for work: {subject}",
    text:
      'Your request "{subject}" (ticket {number}) has been accepted and is now being worked on.{?link}\n\n{link}{/link}' +
      sign,
  },
  "ticket-awaiting-customer": {
    subject: "We need more information: {subject}",
    text:
      "To continue with ticket {number} we need more information from you.{?question}\n\nOur question: {question}{/question}\n\nPlease reply to this message{?link} or add a comment at {link}{/link}." +
      sign,
  },
  "session-booking-link": {
    subject: "Choose a convenient time to work with an engineer: {subject}",
    text:
      "To continue with ticket {number} we would like to work on it with you.{?question}\n\n{question}{/question}{?bookingLink}\n\nPlease book a time here: {bookingLink}{/bookingLink}" +
      sign,
  },
  "session-scheduled": {
    subject: "Session scheduled: {subject}",
    text:
      "Your working session for ticket {number} is booked from {start} to {end}. An engineer will call you then.{?link}\n\n{link}{/link}" +
      sign,
  },
  "approval-requested": {
    subject: "Approval needed: {subject}",
    text:
      'The change request "{subject}" (ticket {number}) needs your approval before work can start.{?question}\n\n{question}{/question}{?link}\n\nReview it here: {link}{/link}' +
      sign,
  },
  "ticket-resolved": {
    subject: "Resolved: {subject}",
    text:
      "Ticket {number} has been resolved.\n\nResolution: {resolution}{?closesAt}\n\nIt will be closed automatically on {closesAt} unless you object. Replying to this message reopens it.{/closesAt}" +
      sign,
  },
  "feedback-request": {
    subject: "How did we do? {subject}",
    text:
      "Ticket {number} was resolved. Please tell us how satisfied you are: positive, neutral or negative.{?link}\n\n{link}{/link}" +
      sign,
  },
  "ticket-closed": {
    subject: "Closed: {subject}",
    text: `Ticket {number} ("{subject}") is now closed.${sign}`,
  },
  "ticket-reopened": {
    subject: "Reopened: {subject}",
    text: "Ticket {number} (priority {priorityName}) was reopened.{?link}\n\n{link}{/link}",
  },
  "priority-changed": {
    subject: "Priority changed: {subject}",
    text:
      "Support changed the priority of ticket {number} from {fromName} to {toName}.{?reason}\n\nReason: {reason}{/reason}" +
      sign,
  },
  "public-reply": {
    subject: "New reply: {subject}",
    text: "{body}\n\n--\nTicket {number}{?link}: {link}{/link}",
  },
  "customer-comment": {
    subject: "Customer comment: {subject}",
    text: "{?requesterName}{requesterName} commented on {/requesterName}ticket {number}:\n\n{body}{?link}\n\n{link}{/link}",
  },
  "escalation-reached": {
    subject: "Escalation level {level}: {subject}",
    text: "Ticket {number} (priority {priorityName}) reached escalation level {level} on the {metric} time. Informed: {roles}.{?link}\n\n{link}{/link}",
  },
  "escalation-requested": {
    subject: "Customer escalation, level {level}: {subject}",
    text: "The customer escalated ticket {number} (priority {priorityName}) to level {level}.{?reason}\n\nReason: {reason}{/reason}{?link}\n\n{link}{/link}",
  },
  "sla-warning": {
    subject: "SLA warning: {subject}",
    text: "The {metric} time of ticket {number} (priority {priorityName}) is running out ({warning}). Deadline: {deadline}.{?link}\n\n{link}{/link}",
  },
  "sla-breach": {
    subject: "SLA breached: {subject}",
    text: "The {metric} time of ticket {number} (priority {priorityName}) was breached. The deadline was {deadline}.{?link}\n\n{link}{/link}",
  },
  "ola-breach": {
    subject: "OLA missed by {group}: {subject}",
    text: "Group {group} did not meet its internal target (OLA) for ticket {number} (priority {priorityName}). The deadline was {deadline}.{?link}\n\n{link}{/link}",
  },
};

export const enMetrics: MetricLabels = {
  response: "response",
  plan: "resolution plan",
  resolution: "resolution",
  "next-reply": "next reply",
};
