// The agent console: conversation list, thread (messages + notes), reply box, context panel, live
// over /api/realtime.
import { api } from './api.js';
import { connectRealtime } from './realtime.js';
import { renderList, sortConversations, matchesFilter, searching, neighbour } from './list.js';
import { latest, renderTimeline } from './thread.js';
import { renderHeader, renderContext } from './context.js';
import { renderChannels, chosenIdentity } from './reply.js';
import { bindCompose } from './compose.js';
import { bindCannedManager } from './canned-manager.js';
import { bindRouting, loadActivity, activityItem } from './routing.js';
import { bindActions, bindReply } from './actions.js';
import { bindCanned } from './canned.js';
import { askPermissionOnce, notify } from './notify.js';
import { visitorTypingIn, showVisitorTyping, bindAgentTyping } from './typing.js';

const $ = (id) => document.getElementById(id);
const state = {
  filter: '', search: { q: '', channel: '', label: '', assignee: '', team: '' }, conversations: new Map(),
  selectedId: null, listAsked: 0, messages: new Map(), notes: new Map(), past: [], activity: [],
};
const refs = {
  name: $('contact-name'), ids: $('contact-ids'), status: $('thread-status'), toggle: $('toggle-status'),
  priority: $('priority'), labels: $('labels'),
};

function visibleConversations() {
  return sortConversations([...state.conversations.values()]
    .filter((c) => !c.outsideFilter && matchesFilter(c, state.filter)));
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
  routing?.renderAssignment(conversation);
  renderTimeline($('messages'), [...state.messages.values()], [...state.notes.values()],
    state.activity.map((e) => ({ at: e.at, node: () => activityItem(e) })));
}

async function loadList() {
  const asked = ++state.listAsked;
  const list = await api.conversations({ status: state.filter, ...state.search });
  if (asked !== state.listAsked) return; // a newer search is on its way
  state.conversations = new Map(list.map((c) => [c.id, c]));
  if (state.selectedId && !state.conversations.has(state.selectedId)) {
    // the open thread stays open, but the list shows only what the server matched
    const selected = await api.conversation(state.selectedId);
    state.conversations.set(state.selectedId, { ...selected, outsideFilter: true });
  }
  showList();
}

async function select(id) {
  if (state.selectedId !== id) showVisitorTyping($('visitor-typing'), false);
  const switched = state.selectedId !== id;
  state.selectedId = id;
  $('reply-error').textContent = '';
  markRead(id);
  const [messages, notes, activity] = await Promise.all([api.messages(id), api.notes(id),
    routing?.available() ? loadActivity(id) : []]);
  // a frame handled while the thread loaded may already know a later tick
  state.messages = new Map(messages.map((m) => [m.id, latest(state.messages.get(m.id), m)]));
  state.notes = new Map(notes.map((n) => [n.id, n]));
  state.activity = activity;
  state.past = [];
  showList();
  showThread();
  if (switched) compose.reset();
  const contactId = state.conversations.get(id)?.contact?.id;
  if (contactId) {
    state.past = await api.contactConversations(contactId).catch(() => []);
    if (state.selectedId === id) showThread();
  }
}

/** Keeps the agent's unread count, which only the list call and realtime frames know about. */
function upsertConversation(conversation, unreadDelta = 0) {
  const known = state.conversations.get(conversation.id);
  const unread = (conversation.unread ?? known?.unread ?? 0) + unreadDelta;
  state.conversations.set(conversation.id, { ...conversation, unread });
  if (searching(state.search)) reloadSoon(); else showList();
  if (conversation.id === state.selectedId) showThread();
}

function markRead(id) {
  const known = state.conversations.get(id);
  if (known) state.conversations.set(id, { ...known, unread: 0 });
  api.markRead(id).catch(() => {});
}

let reloadTimer = null;
/** While a search is on, only the server knows whether a changed conversation still matches. */
function reloadSoon() {
  clearTimeout(reloadTimer);
  reloadTimer = setTimeout(() => loadList().catch(() => {}), 300);
}

async function onFrame(frame) {
  const data = frame.data ?? {};
  switch (frame.type) {
    case 'conversation.created':
      upsertConversation(data.conversation);
      break;
    case 'conversation.status_changed':
    case 'conversation.updated':
    case 'conversation.assigned':
      upsertConversation(data.conversation);
      if (frame.type !== 'conversation.updated' && data.conversation.id === state.selectedId
          && routing?.available()) {
        state.activity = await loadActivity(state.selectedId);
        showThread();
      }
      break;
    case 'agent.status':
      routing?.onStatusFrame(data);
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
        state.messages.set(data.message.id, latest(state.messages.get(data.message.id), data.message));
        showThread();
      }
      if (frame.type === 'message.created') {
        const conversation = await api.conversation(data.conversationId);
        const inbound = data.message.direction === 'INBOUND';
        const reading = data.conversationId === state.selectedId && document.visibilityState === 'visible';
        if (inbound && reading) {
          markRead(data.conversationId);
          compose.refresh(); // a customer message may reopen a channel's reply window
        }
        upsertConversation(conversation, inbound && !reading ? 1 : 0);
        if (inbound) {
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
  let typing = null;
  const debounced = (key) => (e) => {
    clearTimeout(typing);
    const value = e.target.value.trim();
    typing = setTimeout(() => { state.search[key] = value; loadList(); }, 250);
  };
  $('filter').addEventListener('change', (e) => { state.filter = e.target.value; loadList(); });
  $('search').addEventListener('input', debounced('q'));
  $('channel-filter').addEventListener('change', (e) => { state.search.channel = e.target.value; loadList(); });
  $('label-filter').addEventListener('input', debounced('label'));
  $('assignee-filter').addEventListener('change', (e) => { state.search.assignee = e.target.value; loadList(); });
  $('team-filter').addEventListener('change', (e) => { state.search.team = e.target.value; loadList(); });
  document.addEventListener('keydown', onListKey);
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible' && state.selectedId) { markRead(state.selectedId); showList(); }
  });
}

let routing = null;

const compose = bindCompose($, {
  current: () => state.conversations.get(state.selectedId),
  chosenIdentity: () => {
    const conversation = state.conversations.get(state.selectedId);
    return conversation ? chosenIdentity($('reply-channel'), conversation) : null;
  },
  error: (message) => { $('reply-error').textContent = message; },
});

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
    added: (message) => {
      stopTyping();
      state.messages.set(message.id, latest(state.messages.get(message.id), message));
      showThread();
    },
    noted: (note) => { state.notes.set(note.id, note); showThread(); },
    compose,
  });
  $('reply-channel').addEventListener('change', () => compose.refresh());
  bindCannedManager($, me, () => $('reply-text').dispatchEvent(new Event('canned-changed')));
  routing = bindRouting($, me, {
    current: () => state.conversations.get(state.selectedId),
    upsert: upsertConversation,
    error: (message) => { $('reply-error').textContent = message; },
    reloadList: () => loadList(),
  });
  await routing.start();
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
