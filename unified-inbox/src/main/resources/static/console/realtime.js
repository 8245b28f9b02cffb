// Live updates over /api/realtime, reconnecting with backoff. Frames are event envelopes
// ({id, type, timestamp, data}) or realtime-only frames ({type, data}).

export function connectRealtime(onFrame, onState) {
  let delay = 1000;
  let socket;

  function open() {
    const scheme = window.location.protocol === 'https:' ? 'wss' : 'ws';
    socket = new WebSocket(`${scheme}://${window.location.host}/api/realtime`);
    socket.addEventListener('open', () => { delay = 1000; onState(true); });
    socket.addEventListener('message', (event) => {
      try {
        onFrame(JSON.parse(event.data));
      } catch (e) {
        console.warn('Ignoring a realtime frame that is not JSON', e);
      }
    });
    socket.addEventListener('close', () => {
      onState(false);
      setTimeout(open, delay);
      delay = Math.min(delay * 2, 30000);
    });
  }

  open();
}
