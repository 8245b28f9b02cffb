// The thread header (contact, status, priority, labels) and the context panel: identities, CRM
// attributes, live web-chat visitor context and past conversations.
import { el, clear, time } from './dom.js';
import { safeHref } from './text.js';

// The widget sends dotted keys (docs/webchat.md); API clients and older data may use the short ones.
const VISITOR_FIELDS = [
  ['Page', ['page.url', 'page', 'url']],
  ['Title', ['page.title', 'title']],
  ['Referrer', ['page.referrer', 'referrer']],
  ['Device', ['browser.userAgent', 'userAgent', 'browser'], device],
  ['Screen', ['screen.size']],
  ['Language', ['browser.language', 'language', 'locale']],
  ['Location', ['location', 'geo.city', 'geo.country', 'browser.timeZone', 'timeZone', 'timezone'], location],
  ['Time zone', ['browser.timeZone', 'timeZone', 'timezone']],
];

/** "Chrome 120 on Windows" from a user agent; the whole string stays in the tooltip. */
function device(context, keys) {
  const ua = pick(context, keys);
  if (!ua) return null;
  const browser = [['Edg/', 'Edge'], ['OPR/', 'Opera'], ['Firefox/', 'Firefox'], ['Chrome/', 'Chrome'],
    ['Version/', 'Safari']].find(([token]) => ua.includes(token));
  const version = browser ? ua.split(browser[0])[1]?.split(/[ .;)]/)[0] : '';
  const os = [['Android', 'Android'], ['iPhone', 'iPhone'], ['iPad', 'iPad'], ['Windows', 'Windows'],
    ['Mac OS X', 'macOS'], ['CrOS', 'ChromeOS'], ['Linux', 'Linux']].find(([token]) => ua.includes(token));
  const mobile = /Mobi/.test(ua) ? ' (mobile)' : '';
  const summary = [browser ? `${browser[1]} ${version}`.trim() : null, os ? `on ${os[1]}` : null]
    .filter(Boolean).join(' ');
  return { text: (summary || ua) + mobile, title: ua };
}

/** The location the site or the hub gave, else the visitor's time zone read as a place. */
function location(context) {
  const given = context.location ?? [context['geo.city'], context['geo.region'], context['geo.country']]
    .filter(Boolean).join(', ');
  if (given) return { text: given };
  const zone = pick(context, ['browser.timeZone', 'timeZone', 'timezone']);
  if (!zone || !zone.includes('/')) return null;
  const parts = zone.split('/');
  return { text: `${parts[parts.length - 1].replaceAll('_', ' ')}, ${parts[0]} (from the time zone)` };
}

function pick(context, keys) {
  const key = keys.find((k) => context[k]);
  return key ? String(context[key]) : null;
}

function visitorRows(context) {
  const used = new Set();
  const rows = [];
  for (const [label, keys, derive] of VISITOR_FIELDS) {
    const value = derive ? derive(context, keys) : (pick(context, keys) ? { text: pick(context, keys) } : null);
    keys.forEach((k) => used.add(k));
    if (value?.text) rows.push([label, value.text, value.title]);
  }
  for (const [key, value] of Object.entries(context)) {
    if (!used.has(key) && value) rows.push([key, value]);
  }
  return rows;
}

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
  section(container, 'Visitor', visitorRows(conversation.context ?? {}), 'visitor-context');
  const others = (past ?? []).filter((c) => c.id !== conversation.id);
  section(container, 'Past conversations', others.map((c) => [`#${c.id} ${c.status}`,
    `${time(c.lastMessageAt ?? c.createdAt)} ${c.preview ?? ''}`]));
}

function section(container, title, rows, id) {
  if (rows.length === 0) return;
  const list = el('dl', {});
  if (id) list.id = id;
  for (const [key, value, title] of rows) {
    list.append(el('dt', { text: key }), el('dd', { title }, [valueNode(value)]));
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
