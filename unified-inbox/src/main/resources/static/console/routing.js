// Routing in the console (when the hub has it: every call here degrades to hidden controls when the
// routing API answers 404): the agent's own status, who has a conversation and moving it on, and
// system events (assigned, transferred, resolved, merged …) in the timeline.
import { api, ApiError } from './api.js';
import { el, clear, time } from './dom.js';

export function bindRouting($, me, { current, upsert, error, reloadList }) {
  const routing = { agents: [], teams: [], available: false };

  const statusSelect = $('my-status');
  const showStatus = (status) => {
    statusSelect.value = status;
    statusSelect.className = `status ${status}`;
  };
  statusSelect.addEventListener('change', async () => {
    try {
      showStatus((await api.setMyStatus(statusSelect.value)).status);
    } catch (e) {
      error(e instanceof ApiError ? e.message : 'The status could not be changed.');
    }
  });

  const fill = (select, items, first) => {
    const keep = select.value;
    clear(select);
    for (const [value, text] of [...first, ...items]) {
      const option = el('option', { text });
      option.value = value;
      select.append(option);
    }
    select.value = [...select.options].some((o) => o.value === keep) ? keep : select.options[0]?.value ?? '';
  };

  async function start() {
    try {
      showStatus((await api.myStatus()).status);
      [routing.agents, routing.teams] = await Promise.all([api.agents(), api.teams()]);
    } catch (e) {
      return false; // no routing on this hub
    }
    routing.available = true;
    document.body.classList.add('with-routing');
    fill($('team-filter'), routing.teams.map((t) => [t.id, t.name]), [['', 'Any team']]);
    fill($('assign-agent'), routing.agents.map((a) => [a.username, `${a.displayName} (${a.status})`]), []);
    fill($('transfer-team'), routing.teams.map((t) => [t.id, t.name]), []);
    return true;
  }

  const run = async (body) => {
    const conversation = current();
    if (!conversation) return;
    error('');
    try {
      upsert(await api.assign(conversation.id, body));
    } catch (e) {
      error(e instanceof ApiError ? e.message : 'The assignment could not be changed.');
    }
  };
  $('take').addEventListener('click', () => run({ agent: me.username }));
  $('assign').addEventListener('click', () => run({ agent: $('assign-agent').value }));
  $('unassign').addEventListener('click', () => run({ agent: null }));
  $('transfer').addEventListener('click', () => run({ team: $('transfer-team').value }));

  return {
    start,
    available: () => routing.available,
    /** The thread header's assignment line and which buttons make sense for this agent. */
    renderAssignment(conversation) {
      if (!routing.available) return;
      const assignee = conversation.assignee;
      const mine = assignee?.username === me.username;
      const admin = me.role === 'ADMIN';
      $('assignee').textContent = assignee ? `Assigned to ${assignee.displayName}` : 'Unassigned';
      $('assignee-team').textContent = conversation.team ? `team ${conversation.team.name}` : '';
      $('take').hidden = mine || (assignee && !admin);
      $('unassign').hidden = !assignee || !(mine || admin);
      $('assign-box').hidden = !admin && !mine;
    },
    onStatusFrame(data) {
      if (data.username === me.username) showStatus(data.status);
      const agent = routing.agents.find((a) => a.username === data.username);
      if (agent) {
        agent.status = data.status;
        fill($('assign-agent'), routing.agents.map((a) => [a.username, `${a.displayName} (${a.status})`]), []);
      }
    },
    reloadList,
  };
}

/** The conversation's system events (oldest first), or none when the hub has no routing. */
export async function loadActivity(id) {
  try {
    return await api.activity(id);
  } catch (e) {
    return [];
  }
}

/** One system event as a sentence: what happened, who did it, why. */
export function describe(event) {
  const data = event.data ?? {};
  const by = event.actor === 'routing' ? 'by routing' : event.actor === 'customer' ? 'by the customer'
    : event.actor ? `by ${event.actor}` : '';
  const why = data.reason ? ` (${data.reason})` : '';
  switch (event.kind) {
    case 'assigned': return `Assigned to ${event.agent ?? '?'}${data.team ? ` in ${data.team}` : ''} ${by}${why}`;
    case 'unassigned': return `Unassigned${data.previousAssignee ? ` from ${data.previousAssignee}` : ''} ${by}`;
    case 'transferred': return `Transferred to team ${data.team ?? '?'}${data.fromTeam ? ` from ${data.fromTeam}` : ''} ${by}`;
    case 'queued': return `Queued for team ${data.team ?? '?'}${why}`;
    case 'offline': return `Team ${data.team ?? '?'} unavailable: kept as an offline ticket`;
    case 'resolved': return `Resolved ${by}`;
    case 'reopened': return `Reopened ${by}`;
    case 'merged': return `Contact merged (contact ${data.mergedContactId ?? '?'} into ${data.contactId ?? '?'}) ${by}`;
    default: return `${event.kind} ${by}`;
  }
}

export function activityItem(event) {
  return el('li', { className: 'system-event', data: { activityId: event.id } }, [
    el('span', { className: 'system-label', text: '⚙ ' }),
    el('span', { text: describe(event).trim() }),
    el('span', { className: 'meta', text: ` · ${time(event.at)}` }),
  ]);
}
