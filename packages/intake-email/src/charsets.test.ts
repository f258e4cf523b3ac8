/**
 * Real-world encodings: quoted-printable and base64 bodies, encoded-word subjects and names,
 * ISO-8859-1 / UTF-8 German, KOI8-R and windows-1251 Russian. Each fixture becomes text that
 * reads as the sender wrote it.
 */
import type { CommandOf } from "@ticketfold/core";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import {
  cp1251QpMail,
  germanBase64Mail,
  germanQpMail,
  koi8Base64Mail,
  koi8EightBitMail,
  options,
  pcPriorities,
} from "./fixtures.test-support.js";
import { parseInboundMail } from "./index.js";

const opened = async (raw: Buffer | string, opts = options()): Promise<CommandOf<"open">> => {
  const result = await parseInboundMail(raw, opts);
  if (E.isLeft(result) || result.right.kind !== "open") throw new Error(`expected open: ${JSON.stringify(result)}`);
  return result.right.command;
};

describe("German mail", () => {
  it("ISO-8859-1 quoted-printable with a Q-encoded subject and sender name", async () => {
    const command = await opened(germanQpMail);
    expect(command.data.subject).toBe("Drucker fällt ständig aus");
    expect(command.data.description).toBe(
      "Sehr geehrte Damen und Herren,\nder Drucker im Großraumbüro fällt seit Montag ständig aus.\nMit freundlichen Grüßen",
    );
    expect(command.data.requester).toEqual({
      id: "juergen.mueller@kunde.example",
      email: "juergen.mueller@kunde.example",
      name: "Jürgen Müller",
    });
  });

  it("UTF-8 base64 body with a B-encoded subject and an 8-bit display name", async () => {
    const command = await opened(germanBase64Mail);
    expect(command.data.subject).toBe("Übersicht: Störung im Büro");
    expect(command.data.description).toBe("Die Türsteuerung zeigt eine Störung.\nGrüße aus Köln");
    expect(command.actor.name).toBe("Jürgen Müller");
  });
});

describe("Russian mail", () => {
  const pc = options({
    keyFields: {
      login: {
        lookup: async (login) => (login === "4711-2025" ? { id: "4711-2025", organisation: "Заказчик" } : undefined),
      },
      priority: true,
      labels: { login: ["Login", "Логин"], priority: ["Priority", "Приоритет"] },
    },
    priorities: pcPriorities,
  });

  it.each([
    ["KOI8-R base64", koi8Base64Mail],
    ["KOI8-R 8-bit", koi8EightBitMail],
  ])("%s with Russian key fields registers a ticket", async (_, raw) => {
    const command = await opened(raw, pc);
    expect(command.data.subject).toBe("Сервер печати");
    expect(command.data.description).toBe("Не запускается сервер печати после обновления.\nС уважением, Иван");
    expect(command.data).toMatchObject({ priority: "2", contractId: "4711-2025", organisation: "Заказчик" });
    expect(command.actor.id).toBe("ivan.petrov@zakazchik.example");
  });

  it("KOI8-R encoded-word sender name is decoded", async () => {
    expect((await opened(koi8Base64Mail, pc)).actor.name).toBe("Иван Петров");
  });

  it("windows-1251 quoted-printable with a Q-encoded subject", async () => {
    const command = await opened(cp1251QpMail);
    expect(command.data.subject).toBe("Пустые листы");
    expect(command.data.description).toBe("Добрый день!\nПринтер в бухгалтерии печатает пустые листы.");
  });
});
