// QuickJS workload for benches/arm32/insn.sh: render an HTML table with
// template strings and escaping (a regex replace per name, QuickJS's slow part),
// 5 times; print the length and a hash of the page.
const rows = 300, reps = 5;
const ESC = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
const esc = (s) => String(s).replace(/[&<>"']/g, (c) => ESC[c]);
const data = [];
for (let i = 0; i < rows; i++)
  data.push({ id: i, name: `item <${i}> & "${(i * 7919) % 1000}"`, price: (i * 37 % 1000) / 10 });

let html = "";
for (let r = 0; r < reps; r++) {
  const body = data.map((d) =>
    `<tr class="${d.id % 2 ? "odd" : "even"}"><td>${d.id}</td><td>${esc(d.name)}</td>` +
    `<td>${d.price.toFixed(2)}</td></tr>`).join("\n");
  html = `<table>\n<thead><tr><th>id</th><th>name</th><th>price</th></tr></thead>\n` +
         `<tbody>\n${body}\n</tbody>\n</table>\n`;
}
let h = 0;
for (let i = 0; i < html.length; i++) h = (h * 31 + html.charCodeAt(i)) >>> 0;
console.log(html.length, h);
