// Route expectations shared by check.mjs (Node) and qjs-check.mjs (QuickJS).
// Plain ES module: no Node, DOM or QuickJS APIs, so both engines can load it.

export const POSTS = ['hello-wali', 'inside-the-sandbox', 'javascript-on-the-server']

export const ROUTES = [
  { url: '/', status: 200, title: 'wali-run · Home', text: ['Server-side React, inside WebAssembly', 'data-hydrated="false"', '3<!-- --> <!-- -->likes'], current: '/' },
  { url: '/about', status: 200, title: 'About · wali-run', text: ['About this site', 'render(url)'], current: '/about' },
  { url: '/projects', status: 200, title: 'Projects · wali-run', text: ['QuickJS', 'SQLite', 'BusyBox'], current: '/projects' },
  { url: '/blog', status: 200, title: 'Blog · wali-run', text: POSTS.map((s) => `href="/blog/${s}"`), current: '/blog' },
  { url: '/blog/hello-wali', status: 200, title: 'Hello, WALI · wali-run', text: ['<h1>Hello, WALI</h1>', '<ul>', '<pre><code class="language-c">'], current: '/blog' },
  {
    url: '/blog/inside-the-sandbox',
    status: 200,
    title: 'Inside the sandbox · wali-run',
    text: ['<h1>Inside the sandbox</h1>', '<ol>', '<pre><code class="language-rust">', 'data-component="callout"', 'This box is a React component', 'data-component="syscall-table"', '<code>mmap</code>'],
    current: '/blog',
  },
  { url: '/blog/javascript-on-the-server', status: 200, title: 'JavaScript on the server, without Node · wali-run', text: ['<h1>JavaScript on the server, without Node</h1>', '<ul>', '<pre><code class="language-js">'], current: '/blog' },
  { url: '/nope', status: 404, title: 'Page not found · wali-run', text: ['Page not found'], current: null },
  // Query strings, hashes and trailing slashes do not change the page.
  { url: '/about/?ref=nav#top', status: 200, title: 'About · wali-run', text: ['About this site'], current: '/about' },
  { url: '/blog/', status: 200, title: 'Blog · wali-run', text: ['href="/blog/hello-wali"'], current: '/blog' },
  { url: '/blog/no-such-post', status: 404, title: 'Page not found · wali-run', text: ['Page not found'], current: null },
]

// UTF-8 byte length without TextEncoder (QuickJS has none).
export function utf8Length(s) {
  let n = 0
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    if (c < 0x80) n += 1
    else if (c < 0x800) n += 2
    else if (c >= 0xd800 && c <= 0xdbff) { n += 4; i++ }
    else n += 3
  }
  return n
}

function fail(msg) {
  throw new Error('check failed: ' + msg)
}

// Renders every route with render(url) and checks it. Calls log(line) once per
// route. Returns the number of routes checked; throws on the first failure.
export function checkRoutes(render, log) {
  const titles = new Map()
  for (const r of ROUTES) {
    const out = render(r.url)
    if (!out || typeof out !== 'object') fail(`${r.url}: render returned ${out}`)
    if (out.status !== r.status) fail(`${r.url}: status ${out.status}, want ${r.status}`)
    if (typeof out.head !== 'string' || typeof out.html !== 'string') fail(`${r.url}: head/html not strings`)
    const m = /^<title>([^<]*)<\/title><meta name="description" content="[^"]+">$/.exec(out.head)
    if (!m) fail(`${r.url}: unexpected head ${out.head}`)
    const title = m[1].replace(/&amp;/g, '&')
    if (title !== r.title) fail(`${r.url}: title "${title}", want "${r.title}"`)
    for (const t of r.text) if (!out.html.includes(t)) fail(`${r.url}: html lacks ${JSON.stringify(t)}`)
    if (!out.html.startsWith('<div class="shell">')) fail(`${r.url}: html does not start with the layout`)
    const cur = /<a href="([^"]*)" class="current" aria-current="page">/g
    const marked = [...out.html.matchAll(cur)].map((x) => x[1])
    const want = r.current ? [r.current] : []
    if (marked.join() !== want.join()) fail(`${r.url}: current nav ${marked}, want ${want}`)
    if (titles.has(title) && titles.get(title) !== r.title) fail(`${r.url}: title clash`)
    titles.set(title, r.title)
    log(`${String(out.status).padEnd(4)} ${String(utf8Length(out.html)).padStart(6)} B  ${r.url}`)
  }
  // Every distinct page (ignoring the normalisation and second 404 cases) has its own title.
  const distinct = new Set(ROUTES.filter((r) => r.status === 200).map((r) => r.title))
  if (distinct.size !== 7) fail(`expected 7 distinct 200 titles, got ${distinct.size}`)
  // The component-using post really rendered its components (not raw MDX tags).
  const sandbox = render('/blog/inside-the-sandbox').html
  if (sandbox.includes('<Callout') || sandbox.includes('&lt;Callout kind')) fail('Callout was not rendered as a component')
  return ROUTES.length
}

// Times n renders of url; returns ms per render.
export function timeRender(render, url, n, now) {
  render(url)
  const t0 = now()
  for (let i = 0; i < n; i++) render(url)
  return (now() - t0) / n
}
