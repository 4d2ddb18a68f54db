// HTML rendering from strings (the server-side-rendering workload), then
// a Worker thread (one instance per thread over one memory).
import * as os from 'qjs:os';
const rows = [];
for (let i = 0; i < 300; i++) rows.push({ id: i, name: `item-${i}`, price: (i * 37) % 101 });
const cell = (v) => `<td>${String(v).replace(/&/g, '&amp;').replace(/</g, '&lt;')}</td>`;
const html = `<table>${rows.map((r) => `<tr>${cell(r.id)}${cell(r.name)}${cell(r.price)}</tr>`).join('')}</table>`;
let h = 0;
for (let i = 0; i < html.length; i++) h = (h * 31 + html.charCodeAt(i)) >>> 0;
console.log('html', html.length, h.toString(16));
const w = new os.Worker('./worker.mjs');
w.onmessage = (e) => {
  console.log('worker sum', e.data.sum);
  w.onmessage = null;
};
w.postMessage({ n: 1000 });
