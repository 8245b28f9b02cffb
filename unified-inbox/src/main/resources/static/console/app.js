// The agent console: conversation list, thread (messages + notes), reply box, context panel, live
// over /api/realtime.
import { api } from './api.js';
import { connectRealtime } from './realtime.js';
import { renderList, sortConversations, matchesFilter, matchesSearch, neighbour } from './list.js';
import { renderTimeline } from './thread.js';
import { renderHeader, renderContext } from './context.js';
import { renderChannels } from './reply.js';
import { bindActions, bindReply } from './actions.js';
import { bindCanned } from './canned.js';
import { askPermissionOnce, notify } from './notify.js';
import { visitorTypingIn, showVisitorTyping, bindAgentTyping } from './typing.js';

const $ = (id) => document.getElementById(id);
const state = {
  filter: '', search: { q: '', channel: '', label: '' }, conversations: new Map(), selectedId: null,
  messages: new Map(), notes: new Map(), past: [],
};
const refs = {
  name: $('contact-name'), ids: $('contact-ids'), status: $('thread-status'), toggle: $('toggle-status'),
  priority: $('priority'), labels: $('labels'),
};

function visibleConversations() {
  return sortConversations([...state.conversations.values()]
    .filter((c) => matchesFilter(c, state.filter) && matchesSearch(c, state.search)));
}

function showList() {
  const visible = visibleConversations();
  renderList($('conversations'), visible, state.selectedId, select);
  $('empty').hidden = visible.length > 0;
}

function showThread() {
  const conversation = state.conversations.get(state.selectedId);
  $('thread').hidden = !conversation;
  $('placeholder').hidden = Boolean(conversation);
  if (!conversation) return;
  renderHeader(refs, conversation, (label) => actions.removeLabel(label));
  renderChannels($('reply-channel'), conversation);
  renderContext($('context'), conversation, state.past);
  renderTimeline($('messages'), [...state.messages.values()], [...state.notes.values()]);
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
  if (state.selectedId !== id) showVisitorTyping($('visitor-typing'), false);
  state.selectedId = id;
  $('reply-error').textContent = '';
  const [messages, notes] = await Promise.all([api.messages(id), api.notes(id)]);
  state.messages = new Map(messages.map((m) => [m.id, m]));
  state.notes = new Map(notes.map((n) => [n.id, n]));
  state.past = [];
  showList();
  showThread();
  const contactId = state.conversations.get(id)?.contact?.id;
  if (contactId) {
    state.past = await api.contactConversations(contactId).catch(() => []);
    if (state.selectedId === id) showThread();
  }
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
      upsertConversation(data.conversation);
      break;
    case 'conversation.status_changed':
    case 'conversation.updated':
      upsertConversation(data.conversation);
      break;
    case 'conversation.note_created':
      if (data.conversationId === state.selectedId) {
        state.notes.set(data.note.id, data.note);
        showThread();
      }
      break;
    case 'message.created':
    case 'message.status_changed':
      if (data.conversationId === state.selectedId) {
        state.messages.set(data.message.id, data.message);
        showThread();
      }
      if (frame.type === 'message.created') {
        const conversation = await api.conversation(data.conversationId);
        upsertConversation(conversation);
        if (data.message.direction === 'INBOUND') {
          notify(conversation.contact?.displayName ?? 'New message', data.message.text,
            { conversationId: conversation.id, selectedId: state.selectedId, onOpen: select });
        }
      }
      break;
    case 'visitor.typing':
      if (visitorTypingIn([...state.conversations.values()], data) === state.selectedId) {
        showVisitorTyping($('visitor-typing'), data.on, data.preview);
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

function onListKey(event) {
  if (event.target.closest('input, textarea, select')) return;
  const step = { j: 1, ArrowDown: 1, k: -1, ArrowUp: -1 }[event.key];
  if (step) {
    event.preventDefault();
    const id = neighbour(visibleConversations(), state.selectedId, step);
    if (id !== null) select(id);
  } else if (event.key === 'Enter' && state.selectedId) {
    event.preventDefault();
    $('reply-text').focus();
  }
}

const actions = bindActions($, {
  current: () => state.conversations.get(state.selectedId),
  upsert: upsertConversation,
  error: (message) => { $('reply-error').textContent = message; },
});

function bindFilters() {
  $('filter').addEventListener('change', (e) => { state.filter = e.target.value; loadList(); });
  $('search').addEventListener('input', (e) => { state.search.q = e.target.value.trim(); showList(); });
  $('channel-filter').addEventListener('change', (e) => { state.search.channel = e.target.value; showList(); });
  $('label-filter').addEventListener('input', (e) => { state.search.label = e.target.value.trim(); showList(); });
  document.addEventListener('keydown', onListKey);
}

async function start() {
  const me = await api.me();
  $('me').textContent = `${me.displayName} (${me.role.toLowerCase()})`;
  bindFilters();
  askPermissionOnce();
  bindCanned($('reply-text'), $('canned-suggestions'), () => ({
    contactName: state.conversations.get(state.selectedId)?.contact?.displayName, agentName: me.displayName,
  }));
  const stopTyping = bindAgentTyping($('reply-text'), () => $('reply-note').checked,
    () => state.conversations.get(state.selectedId));
  bindReply($, {
    current: () => state.conversations.get(state.selectedId),
    added: (message) => { stopTyping(); state.messages.set(message.id, message); showThread(); },
    noted: (note) => { state.notes.set(note.id, note); showThread(); },
  });
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
