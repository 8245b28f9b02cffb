// The reply box: channel choice (the contact's channel identities, default the last channel),
// private-note mode; the channel-policy refusal (422) is shown as the box's error.
import { el, clear } from './dom.js';

const MERGE_KEYS = ['EXTERNAL_ID', 'VERIFIED_EMAIL'];

export function renderChannels(select, conversation) {
  const identities = (conversation.contact?.identities ?? []).filter((i) => !MERGE_KEYS.includes(i.channel));
  const previous = select.dataset.conversation === String(conversation.id) ? select.value : null;
  clear(select);
  identities.forEach((i, index) => {
    const option = el('option', { text: `${i.channel} · ${i.address}` });
    option.value = String(index);
    option.selected = previous === null ? i.channel === conversation.lastChannel : previous === String(index);
    select.append(option);
  });
  select.dataset.conversation = String(conversation.id);
  select.identities = identities;
}

/** The reply body for the chosen identity: no `to` for the conversation's default channel. */
export function replyBody(select, conversation, text) {
  const chosen = select.identities?.[Number(select.value)];
  const body = { text };
  if (chosen && chosen.channel !== conversation.lastChannel) {
    body.to = { channel: chosen.channel, account: chosen.account, address: chosen.address };
  }
  return body;
}
