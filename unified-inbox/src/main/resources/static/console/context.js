// The thread header (contact, status, priority, labels) and the context panel: identities, CRM
// attributes, live web-chat visitor context and past conversations.
import { el, clear, time } from './dom.js';
import { safeHref } from './text.js';

const CONTEXT_LABELS = {
  page: 'Page', url: 'Page', title: 'Title', referrer: 'Referrer', userAgent: 'Device', browser: 'Device',
  language: 'Language', locale: 'Language', timeZone: 'Time zone', timezone: 'Time zone', location: 'Location',
};

export function renderHeader(refs, conversation, onRemoveLabel) {
  refs.name.textContent = conversation.contact?.displayName ?? 'Unknown';
  refs.ids.textContent = conversation.lastChannel ? `last via ${conversation.lastChannel}` : '';
  refs.status.textContent = conversation.status + (conversation.snoozedUntil ? ` until ${time(conversation.snoozedUntil)}` : '');
  refs.status.className = `badge ${conversation.status}`;
  refs.toggle.textContent = conversation.status === 'resolved' ? 'Reopen' : 'Resolve';
  refs.priority.value = conversation.priority ?? 'none';
  clear(refs.labels);
  for (const label of conversation.labels ?? []) {
    const remove = el('button', { className: 'link', text: '×', title: `Remove label ${label}` });
    remove.type = 'button';
    remove.addEventListener('click', () => onRemoveLabel(label));
    refs.labels.append(el('span', { className: 'badge label', text: `# ${label} ` }, [remove]));
  }
}

export function renderContext(container, conversation, past) {
  clear(container);
  const contact = conversation.contact ?? {};
  section(container, 'Identities', (contact.identities ?? []).map((i) => [i.channel, i.address]));
  section(container, 'Attributes', Object.entries(contact.attributes ?? {}));
  section(container, 'Visitor', Object.entries(conversation.context ?? {}).filter(([, v]) => v)
    .map(([k, v]) => [CONTEXT_LABELS[k] ?? k, v]), 'visitor-context');
  const others = (past ?? []).filter((c) => c.id !== conversation.id);
  section(container, 'Past conversations', others.map((c) => [`#${c.id} ${c.status}`,
    `${time(c.lastMessageAt ?? c.createdAt)} ${c.preview ?? ''}`]));
}

function section(container, title, rows, id) {
  if (rows.length === 0) return;
  const list = el('dl', {});
  if (id) list.id = id;
  for (const [key, value] of rows) {
    list.append(el('dt', { text: key }), el('dd', {}, [valueNode(value)]));
  }
  container.append(el('h3', { text: title }), list);
}

function valueNode(value) {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  const href = /^https?:\/\//i.test(text) ? safeHref(text) : null;
  if (!href) return document.createTextNode(text);
  const link = el('a', { text });
  link.href = href;
  link.target = '_blank';
  link.rel = 'noopener noreferrer';
  return link;
}
