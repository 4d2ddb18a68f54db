// Started by render.mjs as an os.Worker: sums what it is sent, answers.
import * as os from 'qjs:os';
const parent = os.Worker.parent;
parent.onmessage = (e) => {
  let s = 0;
  for (let i = 0; i < e.data.n; i++) s += i * i;
  parent.postMessage({ sum: s });
  parent.onmessage = null;
};
