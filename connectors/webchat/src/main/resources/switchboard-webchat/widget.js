/*
 * Switchboard web chat widget. Embed with one tag:
 *   <script src="https://hub.example.com/widget.js" async></script>
 * Plain JavaScript, no dependencies, no build step. The protocol is described in docs/webchat.md.
 */
(function () {
  'use strict';

  if (window.Switchboard && window.Switchboard.version) {
    return; // loaded twice: keep the first instance
  }

  // Written in by the hub when it serves this file (title, greeting, maxTextLength, maxUploadBytes, uploadTypes).
  var CONFIG = /*SWITCHBOARD_CONFIG*/{};
  var STORE_KEY = 'switchboard.visitor';
  var MAX_BACKOFF_MS = 30000;
  var PING_MS = 25000;
  var RETRY_UNAVAILABLE_MS = 3000;

  // document.currentScript is null once the script has run; capture it now.
  var script = document.currentScript || findScript();
  var base = new URL('.', script ? script.src : window.location.href);
  var wsUrl = new URL('webchat/ws', base);
  var uploadUrl = new URL('webchat/uploads', base);
  var EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
  wsUrl.protocol = base.protocol === 'https:' ? 'wss:' : 'ws:';

  function findScript() {
    var all = document.getElementsByTagName('script');
    for (var i = all.length - 1; i >= 0; i--) {
      if (/\/widget\.js([?#].*)?$/.test(all[i].src)) {
        return all[i];
      }
    }
    return null;
  }

  var state = {
    socket: null,
    ready: false,
    attempts: 0,
    reconnectTimer: null,
    pingTimer: null,
    user: null,
    open: false,
    lastUrl: window.location.href,
    seen: new Map(),     // hub message id -> element
    pending: new Map(),  // clientId -> {text, attachments, el}, in the order typed; resent until acked
    handlers: {},
    visitor: null,       // {visitorId, token} of the last welcome (uploads prove who they are with it)
    availability: { online: true, message: null },
    departments: [],
    department: null,    // the id the visitor chose, sent as context key "department"
    offlineSent: false
  };
  var ui = null;

  // ---- storage -------------------------------------------------------------------------------

  function loadVisitor() {
    try {
      return JSON.parse(window.localStorage.getItem(STORE_KEY)) || {};
    } catch (e) {
      return {};
    }
  }

  function saveVisitor(visitorId, token) {
    try {
      window.localStorage.setItem(STORE_KEY, JSON.stringify({ visitorId: visitorId, token: token }));
    } catch (e) {
      // storage blocked (privacy mode): the conversation lasts as long as the page
    }
  }

  // ---- context -------------------------------------------------------------------------------

  function pageContext() {
    return {
      'page.url': window.location.href,
      'page.title': document.title,
      'page.referrer': document.referrer
    };
  }

  function fullContext() {
    var context = pageContext();
    context['browser.userAgent'] = navigator.userAgent;
    context['browser.language'] = navigator.language || '';
    try {
      context['browser.timeZone'] = Intl.DateTimeFormat().resolvedOptions().timeZone || '';
    } catch (e) {
      context['browser.timeZone'] = '';
    }
    context['screen.size'] = window.screen.width + 'x' + window.screen.height;
    if (state.department) {
      context.department = state.department;
    }
    return context;
  }

  function watchPageChanges() {
    ['pushState', 'replaceState'].forEach(function (name) {
      var original = window.history[name];
      window.history[name] = function () {
        var result = original.apply(this, arguments);
        pageChanged();
        return result;
      };
    });
    window.addEventListener('popstate', pageChanged);
    window.addEventListener('hashchange', pageChanged);
  }

  function pageChanged() {
    // Single-page apps set the new title just after changing the URL.
    setTimeout(function () {
      if (window.location.href === state.lastUrl) {
        return;
      }
      state.lastUrl = window.location.href;
      if (state.ready) {
        send({ type: 'context', context: pageContext() });
      }
    }, 300);
  }

  // ---- connection ----------------------------------------------------------------------------

  function connect() {
    clearTimeout(state.reconnectTimer);
    var socket;
    try {
      socket = new WebSocket(wsUrl.href);
    } catch (e) {
      scheduleReconnect();
      return;
    }
    state.socket = socket;
    setStatus('Connecting\u2026');
    socket.onopen = function () {
      var visitor = loadVisitor();
      state.lastUrl = window.location.href;
      send({ type: 'hello', visitorId: visitor.visitorId, token: visitor.token, context: fullContext() });
    };
    socket.onmessage = function (event) {
      var frame;
      try {
        frame = JSON.parse(event.data);
      } catch (e) {
        return;
      }
      handleFrame(frame);
    };
    socket.onclose = function () {
      if (state.socket !== socket) {
        return;
      }
      state.socket = null;
      state.ready = false;
      clearInterval(state.pingTimer);
      setStatus('Offline \u2013 reconnecting\u2026');
      scheduleReconnect();
    };
  }

  function scheduleReconnect() {
    var delay = Math.min(MAX_BACKOFF_MS, 1000 * Math.pow(2, state.attempts));
    delay = Math.round(delay * (0.8 + Math.random() * 0.4));
    state.attempts = Math.min(state.attempts + 1, 10);
    clearTimeout(state.reconnectTimer);
    state.reconnectTimer = setTimeout(connect, delay);
  }

  function send(frame) {
    var socket = state.socket;
    if (socket && socket.readyState === WebSocket.OPEN) {
      socket.send(JSON.stringify(frame));
      return true;
    }
    return false;
  }

  function handleFrame(frame) {
    switch (frame.type) {
      case 'welcome': return onWelcome(frame);
      case 'ack': return onAck(frame);
      case 'message': return onAgentMessage(frame);
      case 'typing': return showAgentTyping(frame.on === true);
      case 'error': return onError(frame);
      case 'queue': return onQueue(frame);
      case 'assigned': return onAssigned(frame);
      case 'availability': return onDepartmentAvailability(frame);
      default: return undefined; // pong, identified, and types this version does not know
    }
  }

  function onWelcome(frame) {
    saveVisitor(frame.visitorId, frame.token);
    state.visitor = { visitorId: frame.visitorId, token: frame.token };
    state.ready = true;
    state.attempts = 0;
    setStatus('');
    var history = frame.history || [];
    history.forEach(function (entry) {
      if (entry && entry.id && !state.seen.has(entry.id)) {
        state.seen.set(entry.id, renderMessage(entry));
      }
    });
    if (state.user) {
      send(identifyFrame(state.user));
    }
    showAvailability(frame.availability, Array.isArray(frame.departments) ? frame.departments : [],
      history.length > 0);
    state.pending.forEach(function (item, clientId) {
      sendPending(clientId, item);
    });
    clearInterval(state.pingTimer);
    state.pingTimer = setInterval(function () { send({ type: 'ping' }); }, PING_MS);
    emit('ready', { visitorId: frame.visitorId });
  }

  function onAck(frame) {
    var item = state.pending.get(frame.clientId);
    if (!item) {
      return;
    }
    state.pending.delete(frame.clientId);
    var existing = state.seen.get(frame.id);
    if (existing && existing !== item.el) {
      item.el.remove(); // already shown from the history after a reconnect
      return;
    }
    item.el.classList.remove('pending');
    setMeta(item.el, '');
    item.el.setAttribute('data-id', frame.id);
    state.seen.set(frame.id, item.el);
  }

  function sendPending(clientId, item) {
    var frame = { type: 'message', clientId: clientId, text: item.text };
    if (item.attachments && item.attachments.length) {
      frame.attachments = item.attachments;
    }
    return send(frame);
  }

  // ---- queue, assignment, availability ---------------------------------------------------------

  function onQueue(frame) {
    var position = Number(frame.position);
    if (!ui || !(position > 0)) {
      return;
    }
    var text = 'You are number ' + Math.floor(position) + ' in line';
    var eta = Number(frame.etaSeconds);
    if (eta > 0) {
      text += ' \u2014 about ' + Math.max(1, Math.ceil(eta / 60)) + ' min';
    }
    ui.queue.textContent = text;
    ui.queue.hidden = false;
  }

  function hideQueue() {
    if (ui) {
      ui.queue.hidden = true;
    }
  }

  function onAssigned(frame) {
    hideQueue();
    var agent = typeof frame.agent === 'string' && frame.agent.trim() ? frame.agent.trim() : 'An agent';
    systemLine(agent + ' joined the conversation');
  }

  function systemLine(text) {
    var line = document.createElement('p');
    line.className = 'system';
    line.textContent = text;
    ui.log.appendChild(line);
    ui.greeting.hidden = true;
    ui.log.scrollTop = ui.log.scrollHeight;
    return line;
  }

  function showAvailability(availability, departments, hasHistory) {
    state.availability = availability && availability.online === false
      ? { online: false, message: typeof availability.message === 'string' ? availability.message : null }
      : { online: true, message: null };
    state.departments = departments.filter(function (d) { return d && typeof d.id === 'string'; });
    var chooseDepartment = state.departments.length > 0 && !hasHistory && !state.department;
    fillDepartments(ui.department, chooseDepartment);
    fillDepartments(ui.offlineDepartment, chooseDepartment);
    var offline = !state.availability.online && !hasHistory && !state.offlineSent;
    ui.offline.hidden = !offline;
    ui.log.hidden = offline;
    ui.form.hidden = offline || state.offlineSent;
    ui.departmentRow.hidden = offline || !chooseDepartment;
    ui.offlineNote.textContent = state.availability.message ||
      'We are not online right now. Leave your message and we will reply by email.';
  }

  function fillDepartments(select, show) {
    select.hidden = !show;
    if (!show || select.options.length > 1) {
      return;
    }
    state.departments.forEach(function (d) {
      var option = document.createElement('option');
      option.value = d.id;
      option.textContent = typeof d.name === 'string' && d.name ? d.name : d.id;
      select.appendChild(option);
    });
  }

  function chooseDepartment(id) {
    if (!id || state.department === id) {
      return;
    }
    state.department = id;
    ui.departmentRow.hidden = true;
    ui.notice.hidden = true; // "choose a department first" is answered
    send({ type: 'context', context: { department: id } });
  }

  // The team the visitor chose may be away although others are not: before the first message, its
  // "offline" answer turns the chat into the offline form (the choice already made).
  function onDepartmentAvailability(frame) {
    if (frame.online !== false || state.offlineSent || state.seen.size > 0 || state.pending.size > 0) {
      return;
    }
    state.availability = { online: false, message: typeof frame.message === 'string' ? frame.message : null };
    ui.offlineNote.textContent = state.availability.message ||
      'We are not online right now. Leave your message and we will reply by email.';
    ui.offlineDepartment.hidden = true;
    ui.offline.hidden = false;
    ui.log.hidden = true;
    ui.form.hidden = true;
    ui.departmentRow.hidden = true;
    if (ui.input.value.trim() && !ui.offlineText.value) {
      ui.offlineText.value = ui.input.value; // keep what the visitor already typed
    }
  }

  function needsDepartment() {
    return state.departments.length > 0 && !state.department && !ui.departmentRow.hidden;
  }

  function submitOffline() {
    var name = ui.offlineName.value.trim();
    var email = ui.offlineEmail.value.trim();
    var text = ui.offlineText.value;
    var problem = !name ? 'Please enter your name.'
      : !EMAIL.test(email) ? 'Please enter a valid email address, so we can reply.'
        : !text.trim() ? 'Please write your message.'
          : !ui.offlineDepartment.hidden && !ui.offlineDepartment.value ? 'Please choose a department.' : null;
    // the name and email go the way setUser sends them: as hints the hub does not treat as verified
    ui.offlineError.textContent = problem || '';
    ui.offlineError.hidden = !problem;
    if (problem) {
      return;
    }
    if (!ui.offlineDepartment.hidden) {
      chooseDepartment(ui.offlineDepartment.value);
    }
    api.setUser({ name: name, email: email });
    state.offlineSent = true;
    ui.offline.hidden = true;
    ui.log.hidden = false;
    systemLine(state.availability.message || 'Thanks! We will reply by email as soon as we are back.');
    api.sendMessage(text);
    ui.form.hidden = true;
  }

  // ---- files -----------------------------------------------------------------------------------

  function uploadFiles(files) {
    Array.prototype.forEach.call(files || [], uploadFile);
  }

  function uploadFile(file) {
    var name = file.name || 'screenshot.png';
    if (CONFIG.maxUploadBytes && file.size > CONFIG.maxUploadBytes) {
      showNotice('\u201c' + name + '\u201d is too large: files can be at most ' + sizeText(CONFIG.maxUploadBytes) +
        '. Please send a smaller file.');
      return;
    }
    if (needsDepartment()) {
      showNotice('Please choose a department first.');
      return;
    }
    var el = renderMessage({ direction: 'inbound', text: '', files: [{ name: name, size: file.size, local: file }] });
    el.classList.add('pending');
    if (!state.ready || !state.visitor) {
      return uploadFailed(el, 'Not connected yet \u2013 please try again in a moment.');
    }
    setMeta(el, 'Uploading\u2026');
    var body = new FormData();
    body.append('visitorId', state.visitor.visitorId);
    body.append('token', state.visitor.token);
    body.append('file', file, name);
    var xhr = new XMLHttpRequest();
    xhr.open('POST', uploadUrl.href);
    xhr.upload.onprogress = function (event) {
      if (event.lengthComputable) {
        setMeta(el, 'Uploading\u2026 ' + Math.round(100 * event.loaded / event.total) + '%');
      }
    };
    xhr.onload = function () {
      var answer = null;
      try {
        answer = JSON.parse(xhr.responseText);
      } catch (e) {
        answer = null;
      }
      if (xhr.status === 201 && answer && answer.ticket) {
        var clientId = newClientId();
        setMeta(el, 'Sending\u2026');
        var item = { text: '', attachments: [answer.ticket], el: el };
        state.pending.set(clientId, item);
        sendPending(clientId, item);
        return;
      }
      uploadFailed(el, uploadError(xhr.status, answer));
    };
    xhr.onerror = function () {
      uploadFailed(el, 'The upload failed \u2013 check your connection and try again.');
    };
    xhr.send(body);
  }

  function uploadError(status, answer) {
    var detail = answer && typeof answer.message === 'string' ? ' ' + answer.message : '';
    if (status === 413) {
      return 'This file is too large.' + detail;
    }
    if (status === 415) {
      return 'This type of file cannot be sent.' + detail;
    }
    return 'The file was not sent.' + (detail || ' Please try again.');
  }

  function uploadFailed(el, reason) {
    el.classList.remove('pending');
    el.classList.add('failed');
    setMeta(el, 'Not sent: ' + reason);
    showNotice(reason);
    emit('error', { code: 'upload_failed', reason: reason });
  }

  function sizeText(bytes) {
    return bytes >= 1048576 ? Math.round(bytes / 104857.6) / 10 + ' MB'
      : bytes >= 1024 ? Math.round(bytes / 1024) + ' KB' : bytes + ' bytes';
  }

  function renderFiles(el, message) {
    var files = message.files || message.attachments;
    if (!Array.isArray(files) || !files.length) {
      return;
    }
    var box = document.createElement('span');
    box.className = 'files';
    files.forEach(function (f) {
      if (!f) {
        return;
      }
      var label = '\ud83d\udcce ' + (typeof f.name === 'string' ? f.name : 'file') +
        (Number(f.size) >= 0 ? ' (' + sizeText(Number(f.size)) + ')' : '');
      if (f.local && /^image\/(png|jpeg|gif|webp)$/.test(f.local.type)) {
        var img = document.createElement('img'); // the visitor's own file, shown from memory
        img.className = 'preview';
        img.alt = f.name;
        img.src = URL.createObjectURL(f.local);
        box.appendChild(img);
      } else if (typeof f.url === 'string' && /^webchat\/files\/[A-Za-z0-9_\-.]+$/.test(f.url)) {
        var link = document.createElement('a'); // a file from the agent: always a download
        link.className = 'file';
        link.href = new URL(f.url, base).href;
        link.setAttribute('download', typeof f.name === 'string' ? f.name : '');
        link.rel = 'noopener noreferrer';
        link.target = '_blank';
        link.textContent = label;
        box.appendChild(link);
      } else {
        var span = document.createElement('span');
        span.className = 'file';
        span.textContent = label;
        box.appendChild(span);
      }
    });
    el.appendChild(box);
  }

  function showAgentTyping(on) {
    if (ui) {
      ui.typing.hidden = !on;
    }
  }

  // Tells the agents the visitor is typing (no preview of the text), at most every 2 s, and that
  // they stopped after 3 s without a key or on sending.
  function visitorTyped() {
    var now = Date.now();
    if (!state.typingSince || now - state.typingSince > 2000) {
      if (state.ready && send({ type: 'typing', on: true })) {
        state.typingSince = now;
      }
    }
    clearTimeout(state.typingTimer);
    state.typingTimer = setTimeout(stoppedTyping, 3000);
  }

  function stoppedTyping() {
    clearTimeout(state.typingTimer);
    if (state.typingSince) {
      state.typingSince = 0;
      send({ type: 'typing', on: false });
    }
  }

  function onAgentMessage(frame) {
    if (!frame.id || state.seen.has(frame.id)) {
      return;
    }
    showAgentTyping(false);
    hideQueue();
    if (state.offlineSent && ui) {
      ui.form.hidden = false; // someone answered the offline message: the visitor can chat on
    }
    state.seen.set(frame.id, renderMessage(frame));
    if (!state.open && ui) {
      ui.bubble.classList.add('unread');
    }
    emit('message', { id: frame.id, text: frame.text, author: frame.author, at: frame.at });
  }

  function onError(frame) {
    showNotice(frame.reason || 'Something went wrong.');
    var item = frame.clientId ? state.pending.get(frame.clientId) : null;
    if (!item) {
      return;
    }
    if (frame.code === 'unavailable') {
      setTimeout(function () {
        if (state.pending.has(frame.clientId) && state.ready) {
          sendPending(frame.clientId, item);
        }
      }, RETRY_UNAVAILABLE_MS);
    } else if (frame.code !== 'not_ready') {
      state.pending.delete(frame.clientId); // resending cannot help
      item.el.classList.remove('pending');
      item.el.classList.add('failed');
      setMeta(item.el, 'Not sent');
    }
    emit('error', { code: frame.code, reason: frame.reason, clientId: frame.clientId });
  }

  // ---- rendering (message text only ever through textContent) ---------------------------------

  var STYLE =
    ':host{all:initial}' +
    '*{box-sizing:border-box;font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}' +
    '.bubble{position:fixed;right:20px;bottom:20px;width:56px;height:56px;border-radius:50%;border:0;' +
    'background:#2557d6;color:#fff;cursor:pointer;box-shadow:0 4px 14px rgba(0,0,0,.25);display:flex;' +
    'align-items:center;justify-content:center}' +
    '.bubble:focus-visible,button:focus-visible,input:focus-visible{outline:3px solid #f5b400;outline-offset:2px}' +
    '.bubble.unread::after{content:"";position:absolute;top:4px;right:4px;width:12px;height:12px;' +
    'border-radius:50%;background:#e5484d;border:2px solid #fff}' +
    '.panel{position:fixed;right:20px;bottom:88px;width:min(360px,calc(100vw - 40px));height:min(520px,calc(100vh - 120px));' +
    'background:#fff;color:#1c1c1c;border-radius:12px;box-shadow:0 8px 30px rgba(0,0,0,.25);display:flex;' +
    'flex-direction:column;overflow:hidden;font-size:14px;line-height:1.4}' +
    '.panel[hidden]{display:none}' +
    'header{background:#2557d6;color:#fff;padding:12px 14px;display:flex;align-items:center;gap:8px}' +
    'h2{font-size:16px;margin:0;flex:1;font-weight:600}' +
    '.status{font-size:12px;opacity:.85}' +
    '.typing{margin:0;padding:2px 12px;font-size:12px;font-style:italic;color:#555}' +
    '.close{background:transparent;border:0;color:#fff;font-size:22px;line-height:1;cursor:pointer;padding:2px 6px}' +
    '.log{flex:1;overflow-y:auto;padding:12px;display:flex;flex-direction:column;gap:8px;background:#f6f7f9}' +
    '.greeting{margin:0;color:#555}' +
    '.msg{max-width:80%;padding:8px 10px;border-radius:10px;white-space:pre-wrap;overflow-wrap:anywhere}' +
    '.msg.visitor{align-self:flex-end;background:#2557d6;color:#fff}' +
    '.msg.agent{align-self:flex-start;background:#fff;border:1px solid #e1e4e8}' +
    '.msg.pending{opacity:.6}.msg.failed{background:#b42318}' +
    '.author{display:block;font-size:11px;font-weight:600;color:#555;margin-bottom:2px}' +
    '.meta{display:block;font-size:11px;opacity:.85;margin-top:2px}.meta:empty{display:none}' +
    '.notice{margin:0;padding:4px 12px;font-size:12px;color:#8a1c1c;background:#fff4f4}.notice[hidden]{display:none}' +
    'form{display:flex;gap:6px;padding:10px;border-top:1px solid #e1e4e8}' +
    'input{flex:1;border:1px solid #c9ced6;border-radius:8px;padding:8px;font-size:14px;color:#1c1c1c;background:#fff}' +
    '.send{border:0;border-radius:8px;background:#2557d6;color:#fff;padding:0 14px;cursor:pointer;font-size:14px}' +
    '.sr-only{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}' +
    '.log[hidden],form[hidden],.offline[hidden],.dept[hidden],select[hidden],.queue[hidden],.oerr[hidden]{display:none}' +
    '.system{margin:0;align-self:center;font-size:12px;color:#444;text-align:center}' +
    '.queue{margin:0;padding:4px 12px;font-size:12px;color:#1f3d8a;background:#eef3ff}' +
    '.files{display:flex;flex-direction:column;gap:4px}.files:not(:first-child){margin-top:4px}' +
    '.preview{max-width:160px;max-height:120px;border-radius:6px;display:block;background:#fff}' +
    '.file{color:inherit;text-decoration:underline;overflow-wrap:anywhere}' +
    '.attach{border:1px solid #c9ced6;border-radius:8px;background:#fff;color:#1c1c1c;cursor:pointer;padding:0 8px;font-size:16px}' +
    '.dept{padding:8px 10px 0;display:flex;gap:6px;align-items:center;font-size:13px}' +
    'select{flex:1;border:1px solid #c9ced6;border-radius:8px;padding:6px;font-size:14px;background:#fff;color:#1c1c1c}' +
    '.offline{flex:1;overflow-y:auto;padding:12px;display:flex;flex-direction:column;gap:8px;border:0}' +
    '.offline p{margin:0}.offline label{display:flex;flex-direction:column;gap:2px;font-size:13px}' +
    'textarea{border:1px solid #c9ced6;border-radius:8px;padding:8px;font-size:14px;min-height:90px;resize:vertical}' +
    '.oerr{color:#8a1c1c}.odept:has(select[hidden]){display:none}.offline .send{padding:10px 14px}';

  var TEMPLATE =
    '<div class="panel" role="dialog" aria-labelledby="sb-title" hidden>' +
    '<header><h2 id="sb-title"></h2><span class="status" aria-live="polite"></span>' +
    '<button type="button" class="close" aria-label="Close chat">\u00d7</button></header>' +
    '<div class="log" role="log" aria-live="polite"><p class="greeting"></p></div>' +
    '<p class="queue" role="status" hidden></p>' +
    '<p class="typing" aria-live="polite" hidden>Agent is typing\u2026</p>' +
    '<p class="notice" role="status" hidden></p>' +
    '<div class="dept" hidden><label for="sb-dept">Department</label>' +
    '<select id="sb-dept"><option value="">Choose a department\u2026</option></select></div>' +
    '<form class="composer"><label for="sb-input" class="sr-only">Your message</label>' +
    '<input class="sr-only" type="file" tabindex="-1" aria-hidden="true" multiple>' +
    '<button type="button" class="attach" aria-label="Attach a file" title="Attach a file">\ud83d\udcce</button>' +
    '<input id="sb-input" type="text" autocomplete="off" placeholder="Type a message\u2026">' +
    '<button type="submit" class="send">Send</button></form>' +
    '<form class="offline" novalidate hidden><p class="onote"></p>' +
    '<label>Your name<input name="name" type="text" autocomplete="name" maxlength="320"></label>' +
    '<label>Your email<input name="email" type="email" autocomplete="email" maxlength="320"></label>' +
    '<label class="odept">Department<select name="department" hidden><option value="">Choose\u2026</option></select></label>' +
    '<label>Your message<textarea name="message"></textarea></label>' +
    '<p class="oerr" role="alert" hidden></p><button type="submit" class="send">Send message</button></form>' +
    '</div>' +
    '<button type="button" class="bubble" aria-label="Open chat" aria-expanded="false">' +
    '<svg width="26" height="26" viewBox="0 0 24 24" aria-hidden="true" fill="currentColor">' +
    '<path d="M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H9l-5 4v-4H4a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2z"/></svg></button>';

  function mount() {
    var host = document.createElement('div');
    host.setAttribute('data-switchboard-widget', '');
    host.style.cssText = 'all:initial;position:fixed;z-index:2147483000;right:0;bottom:0;';
    var root = host.attachShadow({ mode: 'open' });
    var style = document.createElement('style');
    style.textContent = STYLE;
    root.appendChild(style);
    var container = document.createElement('div');
    container.innerHTML = TEMPLATE; // static markup only, no visitor or agent text
    root.appendChild(container);
    document.body.appendChild(host);
    ui = {
      host: host,
      panel: root.querySelector('.panel'),
      bubble: root.querySelector('.bubble'),
      log: root.querySelector('.log'),
      greeting: root.querySelector('.greeting'),
      notice: root.querySelector('.notice'),
      status: root.querySelector('.status'),
      typing: root.querySelector('.typing'),
      queue: root.querySelector('.queue'),
      input: root.querySelector('#sb-input'),
      form: root.querySelector('form.composer'),
      fileInput: root.querySelector('input[type=file]'),
      attach: root.querySelector('.attach'),
      departmentRow: root.querySelector('.dept'),
      department: root.querySelector('#sb-dept'),
      offline: root.querySelector('form.offline'),
      offlineNote: root.querySelector('.onote'),
      offlineName: root.querySelector('form.offline input[name=name]'),
      offlineEmail: root.querySelector('form.offline input[name=email]'),
      offlineText: root.querySelector('form.offline textarea'),
      offlineDepartment: root.querySelector('form.offline select'),
      offlineError: root.querySelector('.oerr'),
      noticeTimer: null
    };
    if (Array.isArray(CONFIG.uploadTypes) && CONFIG.uploadTypes.length) {
      ui.fileInput.accept = CONFIG.uploadTypes.join(',');
    }
    root.querySelector('h2').textContent = CONFIG.title || 'Chat with us';
    ui.greeting.textContent = CONFIG.greeting || '';
    if (CONFIG.maxTextLength) {
      ui.input.maxLength = CONFIG.maxTextLength;
    }
    ui.bubble.addEventListener('click', function () { state.open ? api.close() : api.open(); });
    root.querySelector('.close').addEventListener('click', function () { api.close(); });
    ui.form.addEventListener('submit', function (event) {
      event.preventDefault(); // Enter in the input submits the form
      if (api.sendMessage(ui.input.value)) {
        ui.input.value = '';
        stoppedTyping();
      }
    });
    ui.input.addEventListener('input', visitorTyped);
    ui.attach.addEventListener('click', function () { ui.fileInput.click(); });
    ui.fileInput.addEventListener('change', function () {
      uploadFiles(ui.fileInput.files);
      ui.fileInput.value = '';
    });
    ui.input.addEventListener('paste', function (event) {
      var files = event.clipboardData && event.clipboardData.files;
      if (files && files.length) {
        event.preventDefault(); // a pasted screenshot becomes an upload, not text
        uploadFiles(files);
      }
    });
    ui.department.addEventListener('change', function () { chooseDepartment(ui.department.value); });
    ui.offline.addEventListener('submit', function (event) {
      event.preventDefault();
      submitOffline();
    });
  }

  function renderMessage(message) {
    var el = document.createElement('div');
    var outbound = message.direction === 'outbound';
    el.className = 'msg ' + (outbound ? 'agent' : 'visitor');
    if (outbound && message.author) {
      var author = document.createElement('span');
      author.className = 'author';
      author.textContent = message.author;
      el.appendChild(author);
    }
    var text = document.createElement('span');
    text.className = 'text';
    text.textContent = message.text || '';
    var files = message.files || message.attachments;
    if (!text.textContent && !(Array.isArray(files) && files.length)) {
      text.textContent = '\ud83d\udcce File'; // from the history, which lists files without their names
    }
    if (text.textContent) {
      el.appendChild(text);
    }
    renderFiles(el, message);
    var meta = document.createElement('span');
    meta.className = 'meta';
    el.appendChild(meta);
    if (message.id) {
      el.setAttribute('data-id', message.id);
    }
    ui.log.appendChild(el);
    ui.greeting.hidden = true;
    ui.log.scrollTop = ui.log.scrollHeight;
    return el;
  }

  function setMeta(el, text) {
    el.querySelector('.meta').textContent = text;
  }

  function setStatus(text) {
    if (ui) {
      ui.status.textContent = text;
    }
  }

  function showNotice(text) {
    ui.notice.textContent = text;
    ui.notice.hidden = false;
    clearTimeout(ui.noticeTimer);
    ui.noticeTimer = setTimeout(function () { ui.notice.hidden = true; }, 8000);
  }

  // ---- public API ----------------------------------------------------------------------------

  function emit(event, detail) {
    (state.handlers[event] || []).forEach(function (handler) {
      try {
        handler(detail);
      } catch (e) {
        setTimeout(function () { throw e; }); // report it without breaking the widget
      }
    });
  }

  function newClientId() {
    if (window.crypto && typeof window.crypto.randomUUID === 'function') {
      return window.crypto.randomUUID();
    }
    return Date.now().toString(36) + '-' + Math.random().toString(36).slice(2, 12);
  }

  function identifyFrame(user) {
    return { type: 'identify', identifier: user.identifier, identifierHash: user.identifierHash,
      name: user.name, email: user.email, emailHash: user.emailHash };
  }

  function asText(value) {
    return value === undefined || value === null ? undefined : String(value);
  }

  var api = {
    version: '1',
    open: function () {
      state.open = true;
      ui.panel.hidden = false;
      ui.bubble.setAttribute('aria-expanded', 'true');
      ui.bubble.setAttribute('aria-label', 'Close chat');
      ui.bubble.classList.remove('unread');
      ui.input.focus();
    },
    close: function () {
      state.open = false;
      ui.panel.hidden = true;
      ui.bubble.setAttribute('aria-expanded', 'false');
      ui.bubble.setAttribute('aria-label', 'Open chat');
    },
    /** Sends like the visitor typing it; queued while offline. Returns the clientId, or null. */
    sendMessage: function (text) {
      text = text === undefined || text === null ? '' : String(text);
      if (!text.trim()) {
        return null;
      }
      if (CONFIG.maxTextLength && text.length > CONFIG.maxTextLength) {
        showNotice('Your message is longer than ' + CONFIG.maxTextLength + ' characters; please shorten it.');
        return null;
      }
      if (needsDepartment()) {
        showNotice('Please choose a department first.');
        return null;
      }
      var clientId = newClientId();
      var el = renderMessage({ direction: 'inbound', text: text });
      el.classList.add('pending');
      setMeta(el, 'Sending\u2026');
      var item = { text: text, el: el };
      state.pending.set(clientId, item);
      if (state.ready) {
        sendPending(clientId, item);
      }
      return clientId;
    },
    setUser: function (user) {
      user = user || {};
      state.user = { identifier: asText(user.identifier), identifierHash: asText(user.identifierHash),
        name: asText(user.name), email: asText(user.email), emailHash: asText(user.emailHash) };
      if (state.ready) {
        send(identifyFrame(state.user));
      }
    },
    on: function (event, handler) {
      if (typeof handler !== 'function') {
        return;
      }
      (state.handlers[event] = state.handlers[event] || []).push(handler);
    }
  };

  function runCall(call) {
    if (call && typeof api[call[0]] === 'function') {
      api[call[0]].apply(api, Array.prototype.slice.call(call, 1));
    }
  }

  function start() {
    mount();
    var queued = window.Switchboard && Array.isArray(window.Switchboard.q) ? window.Switchboard.q : [];
    api.q = { push: runCall }; // calls pushed after loading run at once
    window.Switchboard = api;
    queued.forEach(runCall);
    watchPageChanges();
    window.addEventListener('online', function () {
      if (!state.socket) {
        state.attempts = 0;
        connect();
      }
    });
    connect();
  }

  if (document.body) {
    start();
  } else {
    document.addEventListener('DOMContentLoaded', start);
  }
})();
