// The reply box's extras: files to send with the reply (uploaded first, shown as chips), and what the
// chosen channel accepts right now (free text or only an approved template, files or not), asked from
// /api/conversations/{id}/reply-options before the agent sends.
import { api, ApiError } from './api.js';
import { el, clear } from './dom.js';
import { size } from './thread.js';

export function bindCompose($, { current, chosenIdentity, error }) {
  const uploads = [];
  let options = null;
  let asked = 0;

  const renderChips = () => {
    clear($('reply-files'));
    for (const upload of uploads) {
      const remove = el('button', { className: 'link', text: '×', title: `Remove ${upload.name}` });
      remove.type = 'button';
      remove.disabled = !upload.id;
      remove.addEventListener('click', () => {
        uploads.splice(uploads.indexOf(upload), 1);
        renderChips();
        if (upload.id) api.discardUpload(upload.id).catch(() => {});
      });
      $('reply-files').append(el('li', { className: 'chip', data: { id: upload.id ?? '' } }, [
        el('span', { text: `📎 ${upload.name} (${upload.id ? size(upload.size) : 'uploading…'}) ` }), remove,
      ]));
    }
    $('reply-files').hidden = uploads.length === 0;
  };

  $('reply-file').addEventListener('change', async (event) => {
    const files = [...event.target.files];
    event.target.value = '';
    for (const file of files) {
      const pending = { name: file.name, size: file.size, id: null };
      uploads.push(pending);
      renderChips();
      try {
        Object.assign(pending, await api.upload(file));
      } catch (e) {
        uploads.splice(uploads.indexOf(pending), 1);
        error(`${file.name}: ${e instanceof ApiError ? e.message : 'the upload failed'}`);
      }
      renderChips();
    }
  });

  const templateSelect = $('reply-template');
  const renderVariables = () => {
    clear($('template-variables'));
    const template = options?.templates?.find((t) => t.id === templateSelect.value);
    $('template-preview').textContent = template?.preview ? `Preview: ${template.preview}` : '';
    for (const name of template?.variables ?? []) {
      const input = el('input', { title: `Value for {{${name}}}` });
      input.type = 'text';
      input.dataset.variable = name;
      input.placeholder = `{{${name}}}`;
      input.setAttribute('aria-label', `Template variable ${name}`);
      $('template-variables').append(el('label', { text: `{{${name}}} ` }, [input]));
    }
  };
  templateSelect.addEventListener('change', renderVariables);

  const renderOptions = () => {
    const policy = $('reply-policy');
    const templates = options?.templates ?? [];
    clear(templateSelect);
    templateSelect.append(el('option', { text: options?.freeText === false ? '— pick a template —' : '— free text —' }));
    templateSelect.firstChild.value = '';
    for (const t of templates) {
      const option = el('option', { text: `${t.name ?? t.id}${t.language ? ` (${t.language})` : ''}` });
      option.value = t.id;
      templateSelect.append(option);
    }
    $('reply-templates').hidden = templates.length === 0;
    renderVariables();
    if (!options) { policy.hidden = true; return; }
    const notes = [];
    if (!options.freeText) {
      notes.push(`⚠ ${options.channel} does not accept free text now: ${options.reason}`
        + (templates.length ? ' Pick an approved template below.' : ''));
    } else if (!options.attachments) {
      notes.push(`ℹ ${options.channel} cannot carry files: send text only.`);
    }
    policy.textContent = notes.join(' ');
    policy.className = options.freeText ? 'policy info' : 'policy refused';
    policy.hidden = notes.length === 0;
    $('reply-attach').classList.toggle('disabled', !options.attachments);
    $('reply-file').disabled = !options.attachments;
  };

  /** Asks the hub what the chosen channel accepts; only the latest answer is shown. */
  const refresh = async () => {
    const conversation = current();
    const ticket = ++asked;
    options = null;
    if (!conversation) { renderOptions(); return; }
    try {
      const answer = await api.replyOptions(conversation.id, chosenIdentity());
      if (ticket === asked) options = answer;
    } catch (e) {
      if (ticket === asked) options = null;
    }
    if (ticket === asked) renderOptions();
  };

  return {
    refresh,
    /** The body's extra fields: attachments and/or template; null with a reason when it cannot go. */
    extras() {
      if (uploads.some((u) => !u.id)) return { wait: 'Wait until the files are uploaded.' };
      const extra = {};
      if (uploads.length) extra.attachments = uploads.map((u) => u.id);
      if (templateSelect.value) {
        const variables = {};
        $('template-variables').querySelectorAll('input').forEach((i) => { variables[i.dataset.variable] = i.value; });
        extra.template = { id: templateSelect.value, variables };
      }
      return extra;
    },
    freeTextRefused: () => options?.freeText === false,
    hasFiles: () => uploads.length > 0,
    sent() {
      uploads.splice(0, uploads.length);
      renderChips();
      templateSelect.value = '';
      renderVariables();
      refresh();
    },
    reset() {
      uploads.splice(0, uploads.length);
      renderChips();
      refresh();
    },
  };
}
