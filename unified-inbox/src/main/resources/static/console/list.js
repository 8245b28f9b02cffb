// The conversation list: newest activity first; status (server), channel, label and text filters
// (client); keyboard navigation (j/k or arrows, Enter opens).
import { el, clear, time } from './dom.js';

export function renderList(container, conversations, selectedId, onSelect) {
  clear(container);
  for (const c of conversations) {
    const item = el('li', { data: { id: c.id }, className: c.id === selectedId ? 'selected' : '' }, [
      el('div', { className: 'row' }, [
        el('span', { className: 'name', text: c.contact?.displayName ?? 'Unknown' }),
        c.priority ? el('span', { className: `badge priority ${c.priority}`, text: `! ${c.priority}` }) : null,
        el('span', { className: `badge ${c.status}`, text: c.status }),
      ]),
      el('div', { className: 'row' }, [
        el('span', { className: 'preview', text: c.preview ?? '' }),
      ]),
      el('div', { className: 'muted', text: [c.lastChannel ?? '', time(c.lastMessageAt ?? c.createdAt),
        ...(c.labels ?? []).map((l) => `#${l}`)].join(' · ') }),
    ]);
    item.tabIndex = -1;
    item.setAttribute('role', 'option');
    item.setAttribute('aria-selected', String(c.id === selectedId));
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

/** Channel, label and free-text search (contact name, identities, preview), case-insensitive. */
export function matchesSearch(c, { channel, label, q }) {
  if (channel && c.lastChannel !== channel) return false;
  if (label && !(c.labels ?? []).includes(label.toLowerCase())) return false;
  if (!q) return true;
  const needle = q.toLowerCase();
  const haystack = [c.contact?.displayName, c.preview, ...(c.contact?.identities ?? []).map((i) => i.address)];
  return haystack.some((s) => String(s ?? '').toLowerCase().includes(needle));
}

/** The id j/k (or arrows) moves to from the current one, or null. */
export function neighbour(conversations, currentId, step) {
  if (conversations.length === 0) return null;
  const index = conversations.findIndex((c) => c.id === currentId);
  const next = index < 0 ? 0 : Math.min(conversations.length - 1, Math.max(0, index + step));
  return conversations[next].id;
}
