// The agent console: conversation list, thread, reply box, live over /api/realtime.
import { api, ApiError } from './api.js';
import { connectRealtime } from './realtime.js';
import { renderList, sortConversations, matchesFilter } from './list.js';
import { renderHeader, renderMessages } from './thread.js';

const $ = (id) => document.getElementById(id);
const state = { filter: '', conversations: new Map(), selectedId: null, messages: new Map() };
const refs = {
  name: $('contact-name'), ids: $('contact-ids'), status: $('thread-status'),
  toggle: $('toggle-status'), context: $('context'),
};

function showList() {
  const visible = sortConversations([...state.conversations.values()]
    .filter((c) => matchesFilter(c, state.filter)));
  renderList($('conversations'), visible, state.selectedId, select);
  $('empty').hidden = visible.length > 0;
}

function showThread() {
  const conversation = state.conversations.get(state.selectedId);
  $('thread').hidden = !conversation;
  $('placeholder').hidden = Boolean(conversation);
  if (conversation) {
    renderHeader(refs, conversation);
    renderMessages($('messages'), [...state.messages.values()]);
  }
}

async function loadList() {
  const list = await api.conversations(state.filter);
  state.conversations = new Map(list.map((c) => [c.id, c]));
  if (state.selectedId && !state.conversations.has(state.selectedId)) {
    state.conversations.set(state.selectedId, await api.conversation(state.selectedId));
  }
  showList();
}

async function select(id) {
  state.selectedId = id;
  $('reply-error').textContent = '';
  const messages = await api.messages(id);
  state.messages = new Map(messages.map((m) => [m.id, m]));
  showList();
  showThread();
}

function upsertConversation(conversation) {
  state.conversations.set(conversation.id, conversation);
  showList();
  if (conversation.id === state.selectedId) showThread();
}

async function onFrame(frame) {
  const data = frame.data ?? {};
  switch (frame.type) {
    case 'conversation.created':
    case 'conversation.status_changed':
      upsertConversation(data.conversation);
      break;
    case 'message.created':
    case 'message.status_changed':
      if (data.conversationId === state.selectedId) {
        state.messages.set(data.message.id, data.message);
        showThread();
      }
      if (frame.type === 'message.created') {
        upsertConversation(await api.conversation(data.conversationId));
      }
      break;
    case 'conversation.context': {
      const known = state.conversations.get(data.conversationId);
      if (known) upsertConversation({ ...known, context: data.context });
      break;
    }
    default:
      break;
  }
}

async function sendReply(event) {
  event.preventDefault();
  const text = $('reply-text').value;
  if (!text.trim() || !state.selectedId) return;
  $('reply-error').textContent = '';
  try {
    const message = await api.reply(state.selectedId, text);
    state.messages.set(message.id, message);
    $('reply-text').value = '';
    showThread();
  } catch (e) {
    $('reply-error').textContent = e instanceof ApiError ? e.message : 'The reply could not be sent.';
  }
}

async function toggleStatus() {
  const current = state.conversations.get(state.selectedId);
  if (!current) return;
  try {
    upsertConversation(await api.setStatus(current.id, current.status === 'resolved' ? 'open' : 'resolved'));
  } catch (e) {
    $('reply-error').textContent = e.message;
  }
}

async function start() {
  const me = await api.me();
  $('me').textContent = `${me.displayName} (${me.role.toLowerCase()})`;
  $('filter').addEventListener('change', (e) => { state.filter = e.target.value; loadList(); });
  $('reply').addEventListener('submit', sendReply);
  $('reply-text').addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) $('reply').requestSubmit();
  });
  $('toggle-status').addEventListener('click', toggleStatus);
  $('logout').addEventListener('click', async () => {
    await api.logout();
    window.location.assign('/login?logout');
  });
  connectRealtime(onFrame, (online) => {
    $('connection').textContent = online ? 'live' : 'offline';
    $('connection').className = `connection ${online ? 'online' : 'offline'}`;
    if (online) loadList();
  });
  await loadList();
}

start().catch((e) => console.error('Console failed to start', e));
