// The conversation list: newest activity first, status + channel + contact + preview.
import { el, clear, time } from './dom.js';

export function renderList(container, conversations, selectedId, onSelect) {
  clear(container);
  for (const c of conversations) {
    const item = el('li', { data: { id: c.id }, className: c.id === selectedId ? 'selected' : '' }, [
      el('div', { className: 'row' }, [
        el('span', { className: 'name', text: c.contact?.displayName ?? 'Unknown' }),
        el('span', { className: `badge ${c.status}`, text: c.status }),
      ]),
      el('div', { className: 'row' }, [
        el('span', { className: 'preview', text: c.preview ?? '' }),
      ]),
      el('div', { className: 'muted', text: `${c.lastChannel ?? ''} · ${time(c.lastMessageAt ?? c.createdAt)}` }),
    ]);
    item.addEventListener('click', () => onSelect(c.id));
    container.append(item);
  }
}

/** Newest activity first, the same order as the API. */
export function sortConversations(conversations) {
  const at = (c) => Date.parse(c.lastMessageAt ?? c.createdAt ?? 0);
  return conversations.sort((a, b) => at(b) - at(a) || b.id - a.id);
}

export function matchesFilter(conversation, filter) {
  if (filter === 'all') return true;
  if (!filter) return conversation.status !== 'resolved';
  return conversation.status === filter;
}
