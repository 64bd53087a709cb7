import { validate } from "@colyseus/core";
import { matchCrisis } from "../../core/care";
import { ActionError, Role, cleanChatText, payloads, refusalOn, type ServerMessages } from "../../core/protocol";
import type { CircleClient, CircleContext } from "./circleContext";
import type { Guards } from "./guards";
import type { Participant } from "./CircleState";
import { maskAbuse } from "./ChatLog";

const isLead = (p: Participant) => p.role === Role.facilitator || p.role === Role.cofacilitator;

/**
 * Words in the circle: chat, its moderation, and learning cards shared with everyone. Chat goes
 * only to people seated in the circle (never to anyone waiting to be admitted) and is kept in the
 * room's memory only (ChatLog). A message whose words suggest its writer may be in crisis is sent
 * as written, and the facilitators get a private "may need support" alert.
 */
export function chatMessages(ctx: CircleContext, guard: Guards) {
  const { state, rates, chat: log, alerts } = ctx;
  const toCircle = <K extends keyof ServerMessages>(type: K, payload: ServerMessages[K]) => {
    for (const c of ctx.clients) if (state.participants.has(c.sessionId)) c.send(type, payload);
  };

  /** Why `p` may not write now, or undefined. Facilitators and co-facilitators may write when chat is off or slow. */
  const refusal = (client: CircleClient, p: Participant): ActionError | undefined => {
    if (p.chatMuted) return ActionError.CHAT_MUTED;
    if (!isLead(p) && !state.chat.on) return ActionError.CHAT_OFF;
    if (!isLead(p) && log.tooSoon(client.sessionId, state.chat.slowSeconds)) return ActionError.SLOW_MODE;
    if (!rates.allow(client.sessionId, "chat")) return ActionError.RATE_LIMITED;
    return undefined;
  };

  return {
    chat: validate(payloads.chat, (client, m) => {
      const p = guard.member(client);
      if (!p) return guard.refuse(client, "chat", ActionError.FORBIDDEN);
      const refused = refusal(client, p);
      if (refused) return guard.refuse(client, "chat", refused);
      const text = cleanChatText(m.text)!;
      toCircle("chat", log.add(client.sessionId, state.chat.filter === "mask" ? maskAbuse(text) : text));
      // One open "may need support" per person is enough: the facilitators already know.
      if (matchCrisis(text) && !alerts.hasUnseen(client.sessionId, "support")) {
        alerts.raise(client, "support", (id) => ({ id, from: client.sessionId }));
      }
    }),
    reportChat: validate(payloads.reportChat, (client, m) => {
      if (!guard.member(client)) return guard.refuse(client, "reportChat", ActionError.FORBIDDEN);
      if (!rates.allow(client.sessionId, "report")) return guard.refuse(client, "reportChat", ActionError.RATE_LIMITED);
      const message = log.find(m.id);
      if (!message || message.from === client.sessionId) return guard.refuse(client, "reportChat", ActionError.INVALID_STATE);
      const report = (id: string) => ({ id, from: client.sessionId, reason: m.reason, message });
      if (!alerts.raise(client, "chatReport", report)) guard.refuse(client, "reportChat", ActionError.RATE_LIMITED);
    }),
    deleteChat: validate(payloads.deleteChat, (client, m) => guard.lead(client, "deleteChat", (sender) => {
      const message = log.find(m.id);
      if (!message) return ActionError.INVALID_STATE;
      // The author may have left: judge by the role they had, or as a participant.
      const author = (state.participants.get(message.from)?.role ?? Role.participant) as Role;
      const refused = refusalOn(sender.role as Role, "deleteChat", author);
      if (refused) return refused;
      log.delete(m.id);
      toCircle("chatDeleted", { id: m.id });
    })),
    muteChat: validate(payloads.muteChat, (client, m) => guard.onTarget(client, "muteChat", m.target, (t) => void (t.chatMuted = true))),
    unmuteChat: validate(payloads.unmuteChat, (client, m) => guard.onTarget(client, "unmuteChat", m.target, (t) => void (t.chatMuted = false))),
    setChat: validate(payloads.setChat, (client, m) => guard.lead(client, "setChat", () => {
      if (m.on !== undefined) state.chat.on = m.on;
      if (m.slowSeconds !== undefined) state.chat.slowSeconds = m.slowSeconds;
      if (m.filter !== undefined) state.chat.filter = m.filter;
    })),
    shareCard: validate(payloads.shareCard, (client, m) => guard.lead(client, "shareCard", () => void (state.card = m.id))),
    closeCard: validate(payloads.closeCard, (client) => guard.lead(client, "closeCard", () => {
      if (!state.card) return ActionError.INVALID_STATE;
      state.card = "";
    })),
  };
}
