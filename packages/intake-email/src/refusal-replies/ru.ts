/** Refusal replies in Russian (P-C's desk). Counts are written as "N зн." to avoid plural forms. */
import { humanBytes } from "../human-bytes.js";
import { listTags, type RefusalReplies } from "./types.js";

const size = (n: number) => humanBytes(n, "ru");

const tagReply = (tag: string) =>
  `В вашем письме указана заявка ${tag}, но добавить письмо к этой заявке с вашего адреса нельзя.\n` +
  "Проверьте номер заявки или ответьте с адреса, с которого заявка была создана. Чтобы создать новую заявку, " +
  "отправьте письмо без номера заявки в теме.";

export const ru: RefusalReplies = {
  closing: "\n\nЭто автоматическое сообщение службы поддержки.",
  noSubject: "Ваше письмо в службу поддержки",
  text: (d, showTag) => {
    switch (d.code) {
      case "MAIL_TOO_LARGE":
        return `Размер вашего письма — ${size(d.size)}; служба поддержки принимает письма размером до ${size(d.limit)}. Пожалуйста, передайте большие файлы другим способом.`;
      case "MISSING_SUBJECT":
        return "У вашего письма нет темы. Пожалуйста, отправьте его ещё раз с короткой темой, из которой понятно, о чём речь.";
      case "MISSING_BODY":
        return "В вашем письме нет текста. Пожалуйста, опишите ваш запрос в тексте письма.";
      case "BODY_TOO_LONG":
        return `Длина текста вашего письма — ${d.length} зн.; служба поддержки принимает не более ${d.limit} зн. Пожалуйста, сократите текст или приложите длинные журналы файлами.`;
      case "ATTACHMENT_TOO_LARGE":
        return d.scope === "file"
          ? `Размер вложения «${d.file}» — ${size(d.size)}; каждый файл может быть не больше ${size(d.limit)}. Пожалуйста, передайте его другим способом или разделите на части.`
          : `Вместе с «${d.file}» ваши вложения превышают ${size(d.limit)} — наибольший объём одного письма. Пожалуйста, распределите их по нескольким письмам.`;
      case "TOO_MANY_ATTACHMENTS":
        return `Вложений в вашем письме: ${d.count}; одно письмо может содержать не больше ${d.limit}. Пожалуйста, распределите их по нескольким письмам.`;
      case "AMBIGUOUS_TAG":
        return `В теме вашего письма указано несколько заявок (${listTags(d.tags, showTag)}). Пожалуйста, укажите только одну заявку, к которой относится письмо.`;
      case "UNKNOWN_TICKET":
      case "FOREIGN_TICKET":
      case "SENDER_NOT_ALLOWED":
        return tagReply(showTag(d.tag));
      case "MISSING_LOGIN":
        return (
          "Ваше письмо не зарегистрировано: оно должно начинаться с ключевых полей, по одному в строке, например\n\n" +
          "Login: <номер вашего договора>\nPriority: <1-4>\n\nи далее описание вашего запроса."
        );
      case "UNKNOWN_LOGIN":
        return `Ваше письмо не зарегистрировано: логин «${d.login}» нам неизвестен. Пожалуйста, проверьте номер договора в строке Login.`;
      default:
        return undefined;
    }
  },
};
