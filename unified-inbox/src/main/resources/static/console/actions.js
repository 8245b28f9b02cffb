// Thread actions (resolve/reopen, snooze, priority, labels) and the reply box's submit.
import { api, ApiError } from './api.js';
import { replyBody } from './reply.js';

function message(e, fallback) {
  if (e instanceof ApiError && e.error === 'policy_refused') return `Refused by the channel: ${e.message}`;
  return e instanceof ApiError ? e.message : fallback;
}

export function bindActions($, { current, upsert, error }) {
  const run = async (call) => {
    const conversation = current();
    if (!conversation) return;
    error('');
    try {
      upsert(await call(conversation.id, conversation));
    } catch (e) {
      error(message(e, 'That did not work.'));
    }
  };
  $('toggle-status').addEventListener('click', () => run((id, c) =>
    api.setStatus(id, c.status === 'resolved' ? 'open' : 'resolved')));
  $('snooze').addEventListener('click', () => {
    const local = $('snooze-until').value;
    if (!local) { error('Pick a time to snooze until.'); return; }
    run((id) => api.setStatus(id, 'snoozed', new Date(local).toISOString()));
  });
  $('priority').addEventListener('change', (e) => run((id) => api.setPriority(id, e.target.value)));
  $('label-form').addEventListener('submit', (e) => {
    e.preventDefault();
    const label = $('label-input').value.trim();
    if (!label) return;
    run((id) => api.addLabel(id, label)).then(() => { $('label-input').value = ''; });
  });
  return { removeLabel: (label) => run((id) => api.removeLabel(id, label)) };
}

export function bindReply($, { current, added, noted }) {
  const form = $('reply');
  const note = $('reply-note');
  const sync = () => {
    form.classList.toggle('note-mode', note.checked);
    $('reply-send').textContent = note.checked ? 'Add note' : 'Send';
    $('reply-channel').disabled = note.checked;
  };
  note.addEventListener('change', sync);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const conversation = current();
    const text = $('reply-text').value;
    if (!text.trim() || !conversation) return;
    $('reply-error').textContent = '';
    try {
      if (note.checked) {
        noted(await api.addNote(conversation.id, text));
      } else {
        added(await api.reply(conversation.id, replyBody($('reply-channel'), conversation, text)));
      }
      $('reply-text').value = '';
    } catch (e) {
      $('reply-error').textContent = message(e, 'The reply could not be sent.');
    }
  });
  $('reply-text').addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) form.requestSubmit();
  });
  sync();
}
