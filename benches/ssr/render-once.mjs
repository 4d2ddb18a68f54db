// render-once.mjs: the per-request model. One qjs process per request: load the SSR
// bundle, render one URL, print the full page (index.html template filled in) to stdout.
//   qjs -m render-once.mjs DIST_DIR URL
import * as std from 'qjs:std';
import * as os from 'qjs:os';

const [, dist, url] = scriptArgs;
const tmpl = std.loadFile(dist + '/client/index.html');
const { render } = await import(dist + '/server/entry-server.js');
const r = render(url || '/');
const page = tmpl.replace('<!--app-head-->', r.head).replace('<!--app-html-->', r.html);
std.out.puts(page);
std.out.flush();
