// One conversation: its contact, visitor context, messages in seq order.
import { el, clear, time } from './dom.js';

const CONTEXT_LABELS = {
  page: 'Page', url: 'Page', title: 'Title', referrer: 'Referrer', userAgent: 'Browser', browser: 'Browser',
  language: 'Language', locale: 'Language', timeZone: 'Time zone', timezone: 'Time zone',
};

export function renderHeader(refs, conversation) {
  refs.name.textContent = conversation.contact?.displayName ?? 'Unknown';
  refs.ids.textContent = (conversation.contact?.identities ?? [])
    .map((i) => `${i.channel}: ${i.address}`).join(' · ');
  refs.status.textContent = conversation.status;
  refs.status.className = `badge ${conversation.status}`;
  refs.toggle.textContent = conversation.status === 'resolved' ? 'Reopen' : 'Resolve';
  renderContext(refs.context, conversation.context ?? {});
}

function renderContext(container, context) {
  clear(container);
  const entries = Object.entries(context).filter(([, value]) => value);
  for (const [key, value] of entries) {
    container.append(el('dt', { text: CONTEXT_LABELS[key] ?? key }), el('dd', { text: value }));
  }
  container.hidden = entries.length === 0;
}

export function renderMessages(container, messages) {
  clear(container);
  [...messages].sort((a, b) => a.seq - b.seq).forEach((m) => container.append(messageItem(m)));
  container.scrollTop = container.scrollHeight;
}

function messageItem(m) {
  const inbound = m.direction === 'INBOUND';
  const meta = [m.author, m.channel, time(m.createdAt)].filter(Boolean).join(' · ');
  return el('li', { className: `message ${inbound ? 'inbound' : 'outbound'}`, data: { id: m.id } }, [
    el('div', { text: m.text ?? '' }),
    el('div', { className: 'meta' }, [
      el('span', { text: meta }),
      inbound ? null : el('span', { className: `state ${m.status.toLowerCase()}`, text: ` · ${m.status}` }),
    ]),
    m.status === 'FAILED' && m.error ? el('div', { className: 'failure', text: m.error }) : null,
  ]);
}
