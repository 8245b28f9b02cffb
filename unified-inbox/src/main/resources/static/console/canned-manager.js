// The canned-responses screen: list (own and shared), create, edit and delete. Only the owner or an
// admin may change one; the API enforces it, the screen only hides what the agent cannot do.
import { api, ApiError } from './api.js';
import { el, clear } from './dom.js';

export function bindCannedManager($, me, changed) {
  const dialog = $('canned-dialog');
  let editing = null;

  const canEdit = (r) => r.owner === me.username || me.role === 'ADMIN';
  const fail = (e) => { $('canned-error').textContent = e instanceof ApiError ? e.message : 'That did not work.'; };

  const edit = (response) => {
    editing = response;
    $('canned-form-title').textContent = response ? `Edit /${response.shortcut}` : 'New canned response';
    $('canned-shortcut').value = response?.shortcut ?? '';
    $('canned-text').value = response?.text ?? '';
    $('canned-shared').checked = response?.shared ?? false;
    $('canned-error').textContent = '';
    $('canned-shortcut').focus();
  };

  const load = async () => {
    const responses = await api.cannedResponses();
    clear($('canned-rows'));
    for (const r of responses) {
      const actions = el('td', {});
      if (canEdit(r)) {
        const change = el('button', { className: 'link', text: 'Edit', title: `Edit /${r.shortcut}` });
        change.type = 'button';
        change.addEventListener('click', () => edit(r));
        const remove = el('button', { className: 'link', text: 'Delete', title: `Delete /${r.shortcut}` });
        remove.type = 'button';
        remove.addEventListener('click', async () => {
          if (!window.confirm(`Delete /${r.shortcut}?`)) return;
          try { await api.deleteCanned(r.id); if (editing?.id === r.id) edit(null); await load(); changed(); } catch (e) { fail(e); }
        });
        actions.append(change, remove);
      }
      $('canned-rows').append(el('tr', { data: { shortcut: r.shortcut } }, [
        el('td', { text: `/${r.shortcut}` }),
        el('td', { className: 'text', text: r.text }),
        el('td', { text: r.shared ? 'everyone (shared)' : `only ${r.owner} (personal)` }),
        actions,
      ]));
    }
  };

  $('manage-canned').addEventListener('click', async () => {
    edit(null);
    dialog.showModal();
    await load().catch(fail);
  });
  $('canned-close').addEventListener('click', () => dialog.close());
  $('canned-cancel').addEventListener('click', () => edit(null));
  $('canned-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const body = { shortcut: $('canned-shortcut').value.trim(), text: $('canned-text').value,
      shared: $('canned-shared').checked };
    try {
      if (editing) await api.updateCanned(editing.id, body); else await api.createCanned(body);
      edit(null);
      await load();
      changed();
    } catch (e) {
      fail(e);
    }
  });
}
