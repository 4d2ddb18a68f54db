import { nav, resolveRoute, SITE } from './routes.jsx'

// The nav link for the page's section is marked current; nothing is on a 404.
function isCurrent(href, route) {
  if (route.status !== 200) return false
  const path = route.path
  return href === '/' ? path === '/' : path === href || path.startsWith(href + '/')
}

export default function App({ url }) {
  const route = resolveRoute(url)
  const { Page, props } = route
  return (
    <div className="shell">
      <header className="site-header">
        <a className="brand" href="/">
          {SITE}
        </a>
        <nav aria-label="Main">
          <ul>
            {nav.map((item) => {
              const current = isCurrent(item.href, route)
              return (
                <li key={item.href}>
                  <a
                    href={item.href}
                    className={current ? 'current' : undefined}
                    aria-current={current ? 'page' : undefined}
                  >
                    {item.label}
                  </a>
                </li>
              )
            })}
          </ul>
        </nav>
      </header>
      <main className="content">
        <Page {...props} />
      </main>
      <footer className="site-footer">
        Rendered by React in QuickJS, in a WebAssembly guest, run by wali-run.
      </footer>
    </div>
  )
}
