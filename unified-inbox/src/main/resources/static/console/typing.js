// Typing indicators on web chat: the visitor's `visitor.typing` frames show under the thread (with
// the preview when the widget sent one); the agent typing in the reply box tells the visitor
// (POST /api/conversations/{id}/typing), at most every 3 s, and "stopped" after 4 s idle or on send.
import { api } from './api.js';

const SHOWN_FOR_MS = 6000;

export function visitorTypingIn(conversations, data) {
  return conversations.find((c) => (c.contact?.identities ?? [])
    .some((i) => i.channel === data.channel && i.address === data.address))?.id ?? null;
}

export function showVisitorTyping(node, on, preview) {
  clearTimeout(node.expiry);
  node.hidden = !on;
  node.textContent = on ? `Visitor is typing…${preview ? ` “${preview}”` : ''}` : '';
  if (on) node.expiry = setTimeout(() => { node.hidden = true; }, SHOWN_FOR_MS);
}

export function bindAgentTyping(box, isNote, current) {
  let since = 0;
  let timer;
  let conversationId = null;
  const stop = () => {
    clearTimeout(timer);
    if (since && conversationId !== null) api.typing(conversationId, false).catch(() => {});
    since = 0;
  };
  box.addEventListener('input', () => {
    const conversation = current();
    if (!conversation || conversation.lastChannel !== 'WEBCHAT' || isNote() || !box.value) return;
    if (conversationId !== conversation.id) stop();
    conversationId = conversation.id;
    if (Date.now() - since > 3000) {
      since = Date.now();
      api.typing(conversation.id, true).catch(() => {});
    }
    clearTimeout(timer);
    timer = setTimeout(stop, 4000);
  });
  return stop;
}
