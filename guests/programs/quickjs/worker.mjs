// os.Worker started by test.mjs: answers each message, adds n to a shared
// Int32Array (a SharedArrayBuffer passed in the message), stops on {stop: true}.
import * as os from 'qjs:os';
const parent = os.Worker.parent;
parent.onmessage = (e) => {
  const m = e.data;
  if (m.stop) {
    parent.postMessage({ done: true });
    parent.onmessage = null;
    return;
  }
  const shared = new Int32Array(m.sab);
  Atomics.add(shared, 1, m.n * 100);
  parent.postMessage({ got: m.n, sq: m.n ** 2 });
};
