// The agent REST API as the console uses it: session cookie + CSRF header, JSON in and out.

export class ApiError extends Error {
  constructor(status, body) {
    super(body?.message || `Request failed (${status})`);
    this.status = status;
    this.error = body?.error;
    this.code = body?.code;
  }
}

function csrfToken() {
  const match = document.cookie.match(/(?:^|;\s*)XSRF-TOKEN=([^;]+)/);
  return match ? decodeURIComponent(match[1]) : '';
}

async function request(method, path, body) {
  const headers = { 'Accept': 'application/json', 'X-Requested-With': 'XMLHttpRequest' };
  if (method !== 'GET') {
    headers['X-XSRF-TOKEN'] = csrfToken();
  }
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
  }
  const response = await fetch(path, {
    method, headers, credentials: 'same-origin',
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (response.status === 401) {
    window.location.assign('/login');
    throw new ApiError(401, { message: 'Logged out' });
  }
  const text = await response.text();
  const data = text ? JSON.parse(text) : null;
  if (!response.ok) {
    throw new ApiError(response.status, data);
  }
  return data;
}

export const api = {
  me: () => request('GET', '/api/me'),
  conversations: (status) => request('GET', '/api/conversations' + (status ? `?status=${encodeURIComponent(status)}` : '')),
  conversation: (id) => request('GET', `/api/conversations/${id}`),
  messages: (id) => request('GET', `/api/conversations/${id}/messages`),
  reply: (id, body) => request('POST', `/api/conversations/${id}/messages`, body),
  setStatus: (id, status, until) => request('POST', `/api/conversations/${id}/status`, until ? { status, until } : { status }),
  notes: (id) => request('GET', `/api/conversations/${id}/notes`),
  addNote: (id, text) => request('POST', `/api/conversations/${id}/notes`, { text }),
  addLabel: (id, label) => request('POST', `/api/conversations/${id}/labels`, { label }),
  removeLabel: (id, label) => request('DELETE', `/api/conversations/${id}/labels/${encodeURIComponent(label)}`),
  setPriority: (id, priority) => request('POST', `/api/conversations/${id}/priority`, { priority }),
  typing: (id, on) => request('POST', `/api/conversations/${id}/typing`, { on }),
  cannedResponses: () => request('GET', '/api/canned-responses'),
  contactConversations: (contactId) => request('GET', `/api/contacts/${contactId}/conversations?limit=20`),
  logout: () => fetch('/logout', { method: 'POST', credentials: 'same-origin', headers: { 'X-XSRF-TOKEN': csrfToken() } }),
};
