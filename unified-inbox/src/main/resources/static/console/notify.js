// Desktop notification and a short sound for a new conversation or customer message, unless the
// agent is looking at that conversation in a visible tab. Permission is asked once, on the agent's
// first click (browsers only allow asking from a user gesture); a refusal is respected.

let audio;

export function askPermissionOnce() {
  const ask = () => {
    const N = window.Notification;
    if (N && N.permission === 'default') N.requestPermission().catch(() => {});
  };
  document.addEventListener('click', ask, { once: true });
}

function beep() {
  try {
    audio = audio ?? new (window.AudioContext || window.webkitAudioContext)();
    const tone = audio.createOscillator();
    const gain = audio.createGain();
    tone.frequency.value = 880;
    gain.gain.setValueAtTime(0.08, audio.currentTime);
    gain.gain.exponentialRampToValueAtTime(0.0001, audio.currentTime + 0.25);
    tone.connect(gain).connect(audio.destination);
    tone.start();
    tone.stop(audio.currentTime + 0.25);
  } catch (e) {
    // no audio available: the notification alone has to do
  }
}

/** Notifies unless the agent already sees it (tab visible and this conversation open). */
export function notify(title, body, { conversationId, selectedId, onOpen }) {
  if (!document.hidden && conversationId === selectedId) return;
  beep();
  const N = window.Notification;
  if (!N || N.permission !== 'granted') return;
  const note = new N(title, { body: String(body ?? '').slice(0, 140), tag: `conversation-${conversationId}` });
  note.onclick = () => { window.focus(); onOpen(conversationId); };
}
