/** Russian mail templates. */
import type { MetricLabels, TemplateSet } from "./types.js";

const sign = "\n\nСлужба поддержки";

export const ru: TemplateSet = {
  "ticket-opened": {
    subject: "Заявка принята: {subject}",
    text:
      "Здравствуйте{?requesterName}, {requesterName}{/requesterName}!\n\nМы получили ваше обращение «{subject}» и зарегистрировали его как заявку {number} (приоритет: {priorityName})." +
      "{?link}\nСледить за ней можно здесь: {link}{/link}\n\nПри ответе сохраняйте {tag} в теме письма, чтобы сообщение попало в эту заявку." +
      sign,
  },
  "phone-in-reminder": {
    subject: "Продублируйте по телефону: {subject}",
    text:
      "Ваше обращение «{subject}» (заявка {number}) имеет приоритет {priorityName}. О проблемах с таким приоритетом необходимо также сообщить по телефону{?phone}: {phone}{/phone}.\n\nЭто напоминание; заявка уже зарегистрирована." +
      sign,
  },
  "ticket-accepted": {
    subject: "Заявка взята в работу: {subject}",
    text: `Ваше обращение «{subject}» (заявка {number}) принято и взято в работу.{?link}\n\n{link}{/link}${sign}`,
  },
  "ticket-awaiting-customer": {
    subject: "Нужна дополнительная информация: {subject}",
    text:
      "Чтобы продолжить работу по заявке {number}, нам нужна дополнительная информация от вас.{?question}\n\nНаш вопрос: {question}{/question}\n\nПожалуйста, ответьте на это письмо{?link} или оставьте комментарий: {link}{/link}." +
      sign,
  },
  "session-booking-link": {
    subject: "Выберите удобное время для работы с инженером: {subject}",
    text:
      "Чтобы продолжить работу по заявке {number}, мы предлагаем назначить сеанс с инженером.{?question}\n\n{question}{/question}{?bookingLink}\n\nВыберите время: {bookingLink}{/bookingLink}" +
      sign,
  },
  "session-scheduled": {
    subject: "Сеанс назначен: {subject}",
    text:
      "Сеанс по заявке {number} назначен с {start} до {end}. Инженер свяжется с вами в это время.{?link}\n\n{link}{/link}" +
      sign,
  },
  "approval-requested": {
    subject: "Требуется согласование: {subject}",
    text:
      "Запрос на изменение «{subject}» (заявка {number}) требует вашего согласования до начала работ.{?question}\n\n{question}{/question}{?link}\n\nПосмотреть: {link}{/link}" +
      sign,
  },
  "ticket-resolved": {
    subject: "Заявка решена: {subject}",
    text:
      "Заявка {number} решена.\n\nРешение: {resolution}{?closesAt}\n\nЕсли вы не возразите, она будет автоматически закрыта {closesAt}. Ответ на это письмо откроет её снова.{/closesAt}" +
      sign,
  },
  "feedback-request": {
    subject: "Оцените нашу работу: {subject}",
    text:
      "Заявка {number} решена. Пожалуйста, оцените нашу работу: положительно, нейтрально или отрицательно.{?link}\n\n{link}{/link}" +
      sign,
  },
  "ticket-closed": {
    subject: "Заявка закрыта: {subject}",
    text: `Заявка {number} («{subject}») закрыта.${sign}`,
  },
  "ticket-reopened": {
    subject: "Заявка открыта снова: {subject}",
    text: "Заявка {number} (приоритет {priorityName}) открыта снова.{?link}\n\n{link}{/link}",
  },
  "priority-changed": {
    subject: "Приоритет изменён: {subject}",
    text:
      "Служба поддержки изменила приоритет заявки {number} с «{fromName}» на «{toName}».{?reason}\n\nПричина: {reason}{/reason}" +
      sign,
  },
  "public-reply": {
    subject: "Новый ответ: {subject}",
    text: "{body}\n\n--\nЗаявка {number}{?link}: {link}{/link}",
  },
  "customer-comment": {
    subject: "Комментарий клиента: {subject}",
    text: "{?requesterName}{requesterName} оставил(а) комментарий — {/requesterName}заявка {number}:\n\n{body}{?link}\n\n{link}{/link}",
  },
  "escalation-reached": {
    subject: "Уровень эскалации {level}: {subject}",
    text: "Заявка {number} (приоритет {priorityName}) достигла уровня эскалации {level} по показателю «{metric}». Уведомлены: {roles}.{?link}\n\n{link}{/link}",
  },
  "escalation-requested": {
    subject: "Эскалация от клиента, уровень {level}: {subject}",
    text: "Клиент эскалировал заявку {number} (приоритет {priorityName}) на уровень {level}.{?reason}\n\nПричина: {reason}{/reason}{?link}\n\n{link}{/link}",
  },
  "sla-warning": {
    subject: "Предупреждение SLA: {subject}",
    text: "Время «{metric}» по заявке {number} (приоритет {priorityName}) истекает ({warning}). Срок: {deadline}.{?link}\n\n{link}{/link}",
  },
  "sla-breach": {
    subject: "Нарушение SLA: {subject}",
    text: "Время «{metric}» по заявке {number} (приоритет {priorityName}) превышено. Срок был: {deadline}.{?link}\n\n{link}{/link}",
  },
  "ola-breach": {
    subject: "Нарушение OLA группой {group}: {subject}",
    text: "Группа {group} не уложилась во внутренний срок (OLA) по заявке {number} (приоритет {priorityName}). Срок был: {deadline}.{?link}\n\n{link}{/link}",
  },
};

export const ruMetrics: MetricLabels = {
  response: "время реакции",
  plan: "время до плана решения",
  resolution: "время решения",
  "next-reply": "время ответа",
};
