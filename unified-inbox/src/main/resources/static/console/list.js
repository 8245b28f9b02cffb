// The conversation list: newest activity first; status, text, channel and label filters (all on the
// server); unread badges; keyboard navigation (j/k or arrows, Enter opens).
import { el, clear, time } from './dom.js';

export function renderList(container, conversations, selectedId, onSelect) {
  clear(container);
  for (const c of conversations) {
    const unread = c.unread > 0 && c.id !== selectedId;
    const classes = [c.id === selectedId ? 'selected' : '', unread ? 'has-unread' : ''].filter(Boolean).join(' ');
    const item = el('li', { data: { id: c.id }, className: classes }, [
      el('div', { className: 'row' }, [
        el('span', { className: 'name', text: c.contact?.displayName ?? 'Unknown' }),
        unread ? el('span', { className: 'badge unread', text: String(c.unread),
          title: `${c.unread} unread customer message${c.unread === 1 ? '' : 's'}` }) : null,
        c.priority ? el('span', { className: `badge priority ${c.priority}`, text: `! ${c.priority}` }) : null,
        el('span', { className: `badge ${c.status}`, text: c.status }),
      ]),
      el('div', { className: 'row' }, [
        el('span', { className: 'preview', text: c.preview ?? '' }),
      ]),
      el('div', { className: 'muted', text: [c.lastChannel ?? '', time(c.lastMessageAt ?? c.createdAt),
        ...(c.labels ?? []).map((l) => `#${l}`), assigneeText(c)].filter(Boolean).join(' · ') }),
    ]);
    item.tabIndex = -1;
    item.setAttribute('role', 'option');
    item.setAttribute('aria-selected', String(c.id === selectedId));
    item.addEventListener('click', () => onSelect(c.id));
    container.append(item);
  }
}

/** "→ Ada" / "unassigned" when the hub routes (the conversation then has an assignee field). */
function assigneeText(c) {
  if (!('assignee' in c)) return '';
  return c.assignee ? `→ ${c.assignee.displayName}` : 'unassigned';
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

/** Whether a text, channel or label filter is on: then only the server knows what matches. */
export function searching({ channel, label, q, assignee, team }) {
  return Boolean(channel || label || q || assignee || team);
}

/** The id j/k (or arrows) moves to from the current one, or null. */
export function neighbour(conversations, currentId, step) {
  if (conversations.length === 0) return null;
  const index = conversations.findIndex((c) => c.id === currentId);
  const next = index < 0 ? 0 : Math.min(conversations.length - 1, Math.max(0, index + step));
  return conversations[next].id;
}
