// Real-browser test of the flagship server (scripts/serve.sh): the HTML comes
// from the server, React hydrates the island in Chromium, its button works, the
// other pages and the 404 page load without console errors and with the right
// titles. Screenshots go to target/browser/.
//   node hydration.mjs BASE_URL      (tests/browser/run.sh starts the server)
// Env: CHROMIUM (default /usr/bin/chromium), SHOT_DIR (default <repo>/target/browser).
import { chromium } from 'playwright-core'
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const here = dirname(fileURLToPath(import.meta.url))
const repo = resolve(here, '..', '..')
const base = (process.argv[2] || '').replace(/\/$/, '')
if (!/^http:\/\/127\.0\.0\.1:\d+$/.test(base)) {
  console.error('usage: node hydration.mjs http://127.0.0.1:PORT')
  process.exit(2)
}
const executablePath = process.env.CHROMIUM || '/usr/bin/chromium'
const shotDir = process.env.SHOT_DIR || join(repo, 'target', 'browser')
const SITE = 'wali-run'
// Generous but bounded: the machine may be shared with benchmarks.
const T = { fetch: 30_000, nav: 60_000, hydrate: 60_000, step: 20_000, launch: 60_000 }

class Failure extends Error {}
let passed = 0
function pass(msg) {
  passed++
  console.log(`PASS ${msg}`)
}
function check(cond, msg, detail) {
  if (!cond) throw new Failure(detail ? `${msg}\n  ${detail}` : msg)
  pass(msg)
}

// Everything the page reports that counts as an error, per page visit.
function watch(page) {
  const problems = []
  page.on('console', (m) => {
    if (m.type() !== 'error') return
    const at = m.location()?.url || ''
    problems.push(`console error: ${m.text()}${at ? ` (${at})` : ''}`)
  })
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`))
  page.on('requestfailed', (r) =>
    problems.push(`request failed: ${r.method()} ${r.url()} (${r.failure()?.errorText})`),
  )
  // Any request that leaves 127.0.0.1 is a bug in the page (or the test).
  page.on('request', (r) => {
    const u = new URL(r.url())
    if (!['127.0.0.1'].includes(u.hostname) && !['data:', 'blob:'].includes(u.protocol))
      problems.push(`request off the loopback host: ${r.url()}`)
  })
  return problems
}

// Console errors for the document itself on a 404 are expected ("Failed to
// load resource: ... 404"); anything else is not.
function unexpected(problems, { allow404 = false } = {}) {
  return problems.filter(
    (p) => !(allow404 && /^console error: Failed to load resource: .*\b404\b/.test(p)),
  )
}

async function fetchText(path) {
  const res = await fetch(base + path, { signal: AbortSignal.timeout(T.fetch), redirect: 'manual' })
  return { status: res.status, type: res.headers.get('content-type') || '', text: await res.text() }
}

async function main() {
  const t0 = Date.now()

  // 1. Plain HTTP first: the server, not the browser, renders the app.
  const raw = await fetchText('/')
  check(raw.status === 200, 'GET / (plain HTTP) is 200', `status ${raw.status}`)
  check(/text\/html/.test(raw.type), 'GET / is text/html', `content-type ${raw.type}`)
  check(
    raw.text.includes('<nav aria-label="Main">') && raw.text.includes('href="/blog"'),
    'raw HTML has the server-rendered nav',
  )
  check(
    /<div class="like" data-hydrated="false"><button[^>]*class="like-button"[^>]*disabled/.test(
      raw.text,
    ),
    'raw HTML has the island as server HTML (data-hydrated="false", disabled button)',
  )
  check(raw.text.includes('server HTML: not hydrated yet'), 'raw HTML has the pre-hydration status text')
  check(
    raw.text.includes(`<title>${SITE} · Home</title>`),
    'raw HTML has the server-set <title>',
  )
  const script = /<script type="module"[^>]*src="(\/assets\/[^"]+\.js)"/.exec(raw.text)?.[1]
  check(Boolean(script), `raw HTML references the client bundle (${script})`)

  // A fresh, empty profile every run (launchPersistentContext is Playwright's
  // way to pass --user-data-dir); removed afterwards.
  const userDataDir = mkdtempSync(join(tmpdir(), 'wali-browser-profile-'))
  let context
  try {
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath,
      headless: true,
      timeout: T.launch,
      chromiumSandbox: false,
      viewport: { width: 1100, height: 900 },
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    })
  } catch (e) {
    rmSync(userDataDir, { recursive: true, force: true })
    throw e
  }
  pass(`Chromium ${context.browser()?.version() ?? ''} started (${executablePath}, fresh profile)`)

  try {
    context.setDefaultTimeout(T.step)
    context.setDefaultNavigationTimeout(T.nav)

    // 2. Home: hydration and the island's button.
    {
      const page = await context.newPage()
      const problems = watch(page)
      const res = await page.goto(base + '/', { waitUntil: 'load' })
      check(res && res.status() === 200, 'browser: / is 200', `status ${res && res.status()}`)
      const island = page.locator('div.like')
      await island.waitFor({ state: 'attached' })
      try {
        await page.waitForSelector('div.like[data-hydrated="true"]', { timeout: T.hydrate })
      } catch {
        throw new Failure(
          `browser: island never hydrated within ${T.hydrate / 1000} s\n  ${problems.join('\n  ') || '(no console errors)'}`,
        )
      }
      pass('browser: island hydrated (data-hydrated="true")')
      const button = island.locator('button.like-button')
      check(await button.isEnabled(), 'browser: Like button enabled after hydration')
      check(
        (await island.locator('.like-status').innerText()).includes('hydrated: this button runs in your browser'),
        'browser: status text switched to the hydrated message',
      )
      const countOf = async () => {
        const text = (await island.locator('.like-count').innerText()).trim()
        const m = /^(\d+)\s+likes?$/.exec(text)
        if (!m) throw new Failure(`browser: unexpected like count text ${JSON.stringify(text)}`)
        return Number(m[1])
      }
      const before = await countOf()
      await button.click()
      await page.waitForFunction(
        (n) => document.querySelector('div.like .like-count')?.textContent.trim().startsWith(`${n} `),
        before + 1,
        { timeout: T.step },
      )
      await button.click()
      await page.waitForFunction(
        (n) => document.querySelector('div.like .like-count')?.textContent.trim().startsWith(`${n} `),
        before + 2,
        { timeout: T.step },
      )
      const after = await countOf()
      check(after === before + 2, `browser: two clicks took the count from ${before} to ${after}`)
      check(
        (await page.title()) === `${SITE} · Home`,
        `browser: / title is "${SITE} · Home"`,
        `got ${JSON.stringify(await page.title())}`,
      )
      const bad = unexpected(problems)
      check(bad.length === 0, 'browser: / has no console errors, page errors or failed requests', bad.join('\n  '))
      mkdirSync(shotDir, { recursive: true })
      await page.screenshot({ path: join(shotDir, 'home.png'), fullPage: true })
      pass(`screenshot ${join(shotDir, 'home.png')}`)
      await page.close()
    }

    // 3. The other pages: status, title, heading, no errors, still hydrating.
    const blogIndex = await fetchText('/blog')
    const postPath = /<ul class="post-list"><li><a href="(\/blog\/[a-z0-9-]+)"/.exec(blogIndex.text)?.[1]
    check(Boolean(postPath), `/blog lists a post (${postPath})`)
    const visits = [
      { path: '/about', status: 200, title: `About · ${SITE}`, h1: null },
      { path: '/blog', status: 200, title: `Blog · ${SITE}`, h1: null },
      { path: postPath, status: 200, title: null, h1: null, post: true },
      {
        path: '/nope',
        status: 404,
        title: `Page not found · ${SITE}`,
        h1: 'Page not found',
        text: 'There is no page at this address.',
        shot: '404.png',
      },
    ]
    for (const v of visits) {
      const page = await context.newPage()
      const problems = watch(page)
      const res = await page.goto(base + v.path, { waitUntil: 'load' })
      const status = res && res.status()
      check(status === v.status, `browser: ${v.path} is ${v.status}`, `status ${status}`)
      // The client bundle must hydrate every page: wait until React has
      // attached to the root (its internal key on the container).
      await page
        .waitForFunction(
          () => {
            const root = document.getElementById('root')
            return root && Object.keys(root).some((k) => k.startsWith('__reactContainer'))
          },
          null,
          { timeout: T.hydrate },
        )
        .catch(() => {
          throw new Failure(`browser: ${v.path}: React never hydrated #root within ${T.hydrate / 1000} s`)
        })
      const h1 = (await page.locator('main h1').first().innerText()).trim()
      const title = await page.title()
      if (v.post) {
        // A post's title is its front-matter title; the page's h1 is the same.
        check(title === `${h1} · ${SITE}`, `browser: ${v.path} title is "${h1} · ${SITE}"`, `got ${JSON.stringify(title)}`)
      } else {
        check(title === v.title, `browser: ${v.path} title is "${v.title}"`, `got ${JSON.stringify(title)}`)
      }
      if (v.h1) check(h1 === v.h1, `browser: ${v.path} heading is "${v.h1}"`, `got ${JSON.stringify(h1)}`)
      if (v.text) {
        const body = await page.locator('main').innerText()
        check(body.includes(v.text), `browser: ${v.path} shows "${v.text}"`)
      }
      check(
        (await page.locator('nav[aria-label="Main"] a').count()) === 4,
        `browser: ${v.path} has the 4-link nav`,
      )
      const bad = unexpected(problems, { allow404: v.status === 404 })
      check(bad.length === 0, `browser: ${v.path} has no console errors, page errors or failed requests`, bad.join('\n  '))
      if (v.shot) {
        await page.screenshot({ path: join(shotDir, v.shot), fullPage: true })
        pass(`screenshot ${join(shotDir, v.shot)}`)
      }
      await page.close()
    }
  } finally {
    await context.close().catch(() => {})
    rmSync(userDataDir, { recursive: true, force: true })
  }
  console.log(`browser: ${passed} passed, 0 failed in ${((Date.now() - t0) / 1000).toFixed(1)} s`)
}

// A hard ceiling on the whole test, whatever hangs.
const ceiling = setTimeout(() => {
  console.error('FAIL browser test did not finish within 300 s')
  process.exit(1)
}, 300_000)
ceiling.unref()

main().then(
  () => process.exit(0),
  (e) => {
    console.error(`FAIL ${e instanceof Failure ? e.message : e.stack || e}`)
    console.log(`browser: ${passed} passed, 1 failed`)
    process.exit(1)
  },
)
