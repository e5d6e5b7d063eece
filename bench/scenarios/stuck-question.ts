// A question that cannot be delivered: every post of one employee's question to the staff group fails (500 with a
// body that is not Telegram's), then other employees ask. Their questions must not wait behind it, and the staff
// should be told about the one that failed.
import type { User } from "node-telegram-bot-api";
import type { FakeTelegram, RecordedCall } from "../../test/support/fake-telegram.js";
import { isFloodLimited } from "../../test/support/fake-telegram/flood-control.js";
import { preciseNow } from "../../test/support/fake-telegram/precise-clock.js";
import type { BotProcess } from "../bot-process.js";
import { figure, type Figure } from "../figures.js";
import { count429s, isDeliveryTo, STAFF_GROUP, textOf, untilPolling } from "../telegram.js";
import { askedOnce, timeUntilInGroup } from "./later-questions.js";

/** What a proxy in front of Telegram says when the upstream fails. */
const UNDELIVERABLE = { status: 500, body: "<html><body><h1>500 Internal Server Error</h1></body></html>", contentType: "text/html" };
const FIRST_TRY_TIMEOUT_MS = 30_000;
/** How long after the failing question the staff's notice may take and still count. */
const NOTICE_WAIT_MS = 120_000;

export async function stuckQuestionScenario(fake: FakeTelegram, bot: BotProcess, stuck: User, others: readonly User[]): Promise<Figure[]> {
  await untilPolling(fake, bot);
  const refused = count429s("stuck", fake);
  const marker = `[macet-${stuck.id}]`;
  const isItsPost = (c: { method: string; params: Record<string, unknown> }) =>
    isFloodLimited(c.method) && c.params.chat_id === STAFF_GROUP.id && textOf(c).includes(marker);
  const clear = fake.failAlways(isItsPost, UNDELIVERABLE);
  try {
    const stuckAt = preciseNow();
    askedOnce(fake, [stuck], "macet");
    const ticket = await ticketOfFirstTry(fake, (c) => c.status === UNDELIVERABLE.status && isItsPost(c));
    const askedAt = preciseNow();
    const markers = askedOnce(fake, others, "antre");
    const inGroup = await timeUntilInGroup(fake, bot, markers, askedAt, {
      name: "stuck.others_in_group_s",
      note: `every post of one question to the staff group fails (HTTP 500, an HTML body); right after its first try, ${others.length} others ask → the last of theirs arrives in the staff group`,
    });
    const noticed = ticket === undefined ? false : await noticeCame(fake, ticket, stuckAt + NOTICE_WAIT_MS - preciseNow());
    return [
      inGroup,
      figure("stuck.notice", noticed ? 1 : 0, {
        digits: 0,
        target: { op: "=", value: 1 },
        note:
          ticket === undefined
            ? `the bot did not try to post the question within ${FIRST_TRY_TIMEOUT_MS / 1000} s, so its ticket is unknown`
            : `1 if, within ${NOTICE_WAIT_MS / 1000} s of the question, the group got a message with "tidak dapat" and its ticket #T${ticket}`,
      }),
      refused(),
    ];
  } finally {
    clear();
  }
}

/** The ticket number in the header of the first failed post, or undefined if the bot never tried. */
async function ticketOfFirstTry(fake: FakeTelegram, failed: (c: RecordedCall) => boolean): Promise<number | undefined> {
  try {
    const call = await fake.waitForCall(failed, FIRST_TRY_TIMEOUT_MS);
    const tag = /#T(\d+)/.exec(textOf(call))?.[1];
    return tag === undefined ? undefined : Number(tag);
  } catch {
    return undefined;
  }
}

/** Loosely: any message in the group that says it could not ("tidak dapat") and names the ticket. */
async function noticeCame(fake: FakeTelegram, ticket: number, timeoutMs: number): Promise<boolean> {
  const inGroup = isDeliveryTo(STAFF_GROUP.id);
  const names = new RegExp(`#T${ticket}(?!\\d)`);
  const isNotice = (c: RecordedCall) => inGroup(c) && textOf(c).includes("tidak dapat") && names.test(textOf(c));
  try {
    await fake.waitForCall(isNotice, Math.max(1, timeoutMs));
    return true;
  } catch {
    return false;
  }
}
