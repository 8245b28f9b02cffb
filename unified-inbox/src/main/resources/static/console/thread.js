// One conversation's timeline: messages and private notes in time order, with channel badges,
// delivery ticks (symbol + word, never color alone) and attachments.
import { el, clear, time } from './dom.js';
import { linkify } from './text.js';

const TICKS = {
  QUEUED: ['🕓', 'queued'], SENT: ['✓', 'sent'], DELIVERED: ['✓✓', 'delivered'],
  READ: ['✓✓', 'read'], FAILED: ['⚠', 'failed'],
};
// the order a delivery state moves in (FAILED ends it from anywhere), as the hub applies reports
const PROGRESS = ['QUEUED', 'SENT', 'DELIVERED', 'READ'];

/**
 * The copy of a message to show when two arrive for it: the reply's own answer, its
 * `message.created` and its `message.status_changed` frames may reach the console in any order, and a
 * tick never goes back (a "sent" must not turn into "queued" because the slower answer came last).
 */
export function latest(known, incoming) {
  if (!known || known.status === incoming.status) return incoming;
  if (known.status === 'FAILED') return known;
  if (incoming.status === 'FAILED') return incoming;
  return PROGRESS.indexOf(incoming.status) >= PROGRESS.indexOf(known.status) ? incoming : known;
}

const PREVIEWABLE = ['image/png', 'image/jpeg', 'image/gif', 'image/webp'];

/** @param events system events (routing activity), each {at, node()} — drawn between messages by time */
export function renderTimeline(container, messages, notes, events = []) {
  clear(container);
  const items = [
    ...messages.map((m) => ({ at: Date.parse(m.createdAt), seq: m.seq, node: () => messageItem(m) })),
    ...notes.map((n) => ({ at: Date.parse(n.createdAt), seq: Infinity, node: () => noteItem(n) })),
    ...events.map((e) => ({ at: Date.parse(e.at), seq: Infinity, node: e.node })),
  ];
  items.sort((a, b) => a.at - b.at || a.seq - b.seq).forEach((item) => container.append(item.node()));
  container.scrollTop = container.scrollHeight;
}

function body(text) {
  const node = el('div', { className: 'text' });
  node.append(linkify(text ?? ''));
  return node;
}

function messageItem(m) {
  const inbound = m.direction === 'INBOUND';
  return el('li', { className: `message ${inbound ? 'inbound' : 'outbound'}`, data: { id: m.id } }, [
    m.subject ? el('div', { className: 'subject', text: m.subject }) : null,
    body(m.text),
    attachments(m.attachments ?? []),
    el('div', { className: 'meta' }, [
      el('span', { className: 'badge channel', text: m.channel, title: `via ${m.channel}` }),
      el('span', { text: ` ${[m.author, time(m.createdAt)].filter(Boolean).join(' · ')}` }),
      inbound ? null : tick(m.status),
    ]),
    m.status === 'FAILED' && m.error ? el('div', { className: 'failure', text: `Not sent: ${m.error}` }) : null,
  ]);
}

function tick(status) {
  const [symbol, word] = TICKS[status] ?? ['', String(status).toLowerCase()];
  return el('span', { className: `state ${String(status).toLowerCase()}`, text: ` ${symbol} ${word}`,
    title: `Delivery: ${word}` });
}

function attachments(list) {
  if (list.length === 0) return null;
  return el('div', { className: 'attachments' }, list.map((a) => {
    const type = String(a.contentType ?? '').split(';')[0].trim().toLowerCase();
    const link = el('a', { className: 'attachment', text: `📎 ${a.name ?? 'file'} (${size(a.size)})` });
    link.href = `/api/attachments/${Number(a.id)}`;
    link.setAttribute('download', a.name ?? '');
    link.rel = 'noopener noreferrer';
    if (!PREVIEWABLE.includes(type)) return link;
    const img = el('img', { className: 'preview-image' });
    img.src = `/api/attachments/${Number(a.id)}?inline=true`;
    img.alt = a.name ?? 'image';
    img.loading = 'lazy';
    return el('figure', {}, [img, link]);
  }));
}

export function size(bytes) {
  if (!Number.isFinite(bytes)) return '?';
  if (bytes < 1024) return `${bytes} B`;
  return bytes < 1048576 ? `${(bytes / 1024).toFixed(0)} KB` : `${(bytes / 1048576).toFixed(1)} MB`;
}

function noteItem(n) {
  return el('li', { className: 'note', data: { noteId: n.id } }, [
    el('div', { className: 'note-label', text: '🔒 Private note — not sent to the customer' }),
    body(n.text),
    el('div', { className: 'meta', text: [n.author, time(n.createdAt)].filter(Boolean).join(' · ') }),
  ]);
}
