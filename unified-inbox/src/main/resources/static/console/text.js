// Customer text as DOM: plain text nodes, with http(s) URLs turned into safe links. Never innerHTML.

const URL_PATTERN = /\bhttps?:\/\/[^\s<>"']+/gi;

/** Only http and https URLs become links; anything else (javascript:, data:, …) stays text. */
export function safeHref(candidate) {
  try {
    const url = new URL(candidate);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch (e) {
    return null;
  }
}

export function linkify(text) {
  const fragment = document.createDocumentFragment();
  const value = String(text ?? '');
  let last = 0;
  for (const match of value.matchAll(URL_PATTERN)) {
    const raw = match[0].replace(/[.,;:!?)\]]+$/, '');
    const href = safeHref(raw);
    if (!href) continue;
    fragment.append(document.createTextNode(value.slice(last, match.index)));
    const link = document.createElement('a');
    link.href = href;
    link.textContent = raw;
    link.target = '_blank';
    link.rel = 'noopener noreferrer';
    fragment.append(link);
    last = match.index + raw.length;
  }
  fragment.append(document.createTextNode(value.slice(last)));
  return fragment;
}
