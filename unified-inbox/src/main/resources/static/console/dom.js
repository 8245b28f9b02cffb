// Builds elements with textContent only: server data never goes through innerHTML.

export function el(tag, { className, text, title, data } = {}, children = []) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined && text !== null) node.textContent = String(text);
  if (title) node.title = title;
  if (data) Object.entries(data).forEach(([k, v]) => { node.dataset[k] = String(v); });
  children.filter(Boolean).forEach((child) => node.append(child));
  return node;
}

export function clear(node) {
  node.replaceChildren();
}

export function time(iso) {
  if (!iso) return '';
  const date = new Date(iso);
  const sameDay = date.toDateString() === new Date().toDateString();
  return sameDay ? date.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })
                 : date.toLocaleString([], { dateStyle: 'short', timeStyle: 'short' });
}
