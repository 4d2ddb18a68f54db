// Node check of the SSR bundle: node check.mjs (after npm run build).
import { readFileSync } from 'node:fs'
import { gzipSync } from 'node:zlib'
import { checkRoutes, timeRender } from './check-spec.mjs'

const here = new URL('.', import.meta.url)
const bundlePath = new URL('dist/server/entry-server.js', here)
const src = readFileSync(bundlePath, 'utf8')

let failures = 0
let passed = 0
function assert(cond, msg) {
  if (cond) { console.log('ok   ' + msg); passed++ }
  else { console.log('FAIL ' + msg); failures++ }
}

// Static audit: the bundle must be one self-contained ES module that QuickJS can run.
// Each allowed hit below was read and is either inside a string React writes into
// the HTML (inline <script> for Suspense/view transitions), behind a typeof guard,
// or text from a blog post.
assert(!/(^|[;}\s])import[\s{*"']/.test(src.replace(/"[^"\n]*"|'[^'\n]*'|`[^`]*`/g, '""')), 'no import statements')
assert(!src.includes('import('), 'no dynamic import()')
assert(!src.includes('require('), 'no require(')
assert(!src.includes('setImmediate'), 'no setImmediate')
// JSX text children are string literals (the blog post about this very bundle names
// process.env.NODE_ENV, MessageChannel and TextEncoder): drop them before looking.
const code = src.replace(/children:"[^"]*"/g, '""')
const proc = code.replace(/typeof process=="object"&&typeof process\.emit=="function"\)\{process\.emit\(/g, '')
assert(!/\bprocess\b/.test(proc), 'process only behind a typeof guard (reportError fallback)')
assert(!/MessageChannel|TextEncoder/.test(code), 'no MessageChannel/TextEncoder outside post text')
assert(/export\s*\{\s*\w+ as render\s*\}\s*;?\s*$/.test(src), 'exports render')
const raw = Buffer.byteLength(src)
const gz = gzipSync(src).length
assert(raw < 250 * 1024, `server bundle ${raw} B raw, ${gz} B gzip (< 250 KB)`)

// The client template carries the placeholders and hashed assets.
const tpl = readFileSync(new URL('dist/client/index.html', here), 'utf8')
assert(tpl.includes('<!--app-head-->') && tpl.includes('<div id="root"><!--app-html--></div>'), 'client index.html has placeholders')
assert(/src="\/assets\/index-[\w-]+\.js"/.test(tpl) && /href="\/assets\/index-[\w-]+\.css"/.test(tpl), 'client index.html links hashed JS and CSS')

const { render } = await import(bundlePath.href)
try {
  const n = checkRoutes(render, (line) => console.log('     ' + line))
  assert(true, `${n} routes rendered as expected`)
} catch (e) {
  assert(false, e.message)
}

const ms = timeRender(render, '/', 100, () => performance.now())
console.log(`node: ${ms.toFixed(3)} ms per render of / (100 renders)`)

console.log(`${passed} passed, ${failures} failed`)
process.exit(failures ? 1 : 0)
