// QuickJS check of the SSR bundle: qjs -m qjs-check.mjs (run from this directory
// or any other: imports are relative to this file). No Node APIs are available here.
import * as std from 'qjs:std' // QuickJS-ng names its modules qjs:std, qjs:os
import { render } from './dist/server/entry-server.js'
import { checkRoutes, timeRender } from './check-spec.mjs'

const missing = ['process', 'require', 'window', 'document', 'MessageChannel', 'TextEncoder', 'setImmediate']
  .filter((name) => typeof globalThis[name] !== 'undefined')
let failed = 0
if (missing.length) {
  console.log('FAIL engine unexpectedly has: ' + missing.join(', '))
  failed++
}

try {
  const n = checkRoutes(render, (line) => console.log(line))
  console.log(`ok   ${n} routes rendered as expected`)
} catch (e) {
  console.log('FAIL ' + e.message)
  failed++
}

const n = Number(std.getenv('QJS_RENDERS') || 100)
const ms = timeRender(render, '/', n, () => Date.now())
console.log(`qjs: ${ms.toFixed(3)} ms per render of / (${n} renders)`)

console.log(`qjs: ${failed ? 0 : 2} passed, ${failed} failed`)
std.exit(failed ? 1 : 0)
