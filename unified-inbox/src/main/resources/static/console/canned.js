// Canned responses in the reply box: typing "/" + shortcut offers matches; Tab or Enter (or a click)
// inserts the text with {{contact.name}} and {{agent.name}} filled in.
import { api } from './api.js';
import { el, clear } from './dom.js';

const TOKEN = /(^|\s)\/([a-z0-9_-]*)$/i;

export function fill(text, { contactName, agentName }) {
  return text.replace(/\{\{\s*contact\.name\s*\}\}/g, contactName ?? '')
    .replace(/\{\{\s*agent\.name\s*\}\}/g, agentName ?? '');
}

export function bindCanned(box, list, names) {
  let responses = [];
  let matches = [];
  const refresh = () => api.cannedResponses().then((r) => { responses = r; }).catch(() => {});

  const token = () => TOKEN.exec(box.value.slice(0, box.selectionStart));
  const hide = () => { matches = []; clear(list); list.hidden = true; };
  const insert = (response) => {
    const found = token();
    if (!found) return;
    const start = box.selectionStart - found[2].length - 1;
    const text = fill(response.text, names());
    box.value = box.value.slice(0, start) + text + box.value.slice(box.selectionStart);
    box.selectionStart = box.selectionEnd = start + text.length;
    hide();
    box.focus();
  };
  const show = () => {
    const found = token();
    matches = found ? responses.filter((r) => r.shortcut.startsWith(found[2].toLowerCase())).slice(0, 6) : [];
    clear(list);
    for (const r of matches) {
      const item = el('li', { title: r.text }, [
        el('strong', { text: `/${r.shortcut}` }), el('span', { text: ` ${r.text.slice(0, 80)}` }),
        el('span', { className: 'muted', text: r.shared ? ' · shared' : ' · personal' }),
      ]);
      item.addEventListener('mousedown', (e) => { e.preventDefault(); insert(r); });
      list.append(item);
    }
    list.hidden = matches.length === 0;
  };

  box.addEventListener('focus', refresh);
  box.addEventListener('input', show);
  box.addEventListener('blur', hide);
  box.addEventListener('keydown', (e) => {
    if (matches.length === 0) return;
    if ((e.key === 'Tab' || e.key === 'Enter') && !e.ctrlKey && !e.metaKey) {
      e.preventDefault();
      e.stopImmediatePropagation();
      insert(matches[0]);
    } else if (e.key === 'Escape') {
      hide();
    }
  });
  refresh();
}
