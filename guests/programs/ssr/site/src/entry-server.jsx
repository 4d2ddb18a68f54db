import { StrictMode } from 'react'
import { renderToString } from 'react-dom/server'
import App from './App.jsx'
import { pageTitle, resolveRoute } from './routes.jsx'
import './styles.css'

function escapeHtml(s) {
  return String(s)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
}

// render(url) -> { status, head, html }
// head goes in place of <!--app-head-->, html in place of <!--app-html-->.
export function render(url) {
  const route = resolveRoute(url)
  const html = renderToString(
    <StrictMode>
      <App url={route.path} />
    </StrictMode>,
  )
  const head =
    `<title>${escapeHtml(pageTitle(route))}</title>` +
    `<meta name="description" content="${escapeHtml(route.description)}">`
  return { status: route.status, head, html }
}
