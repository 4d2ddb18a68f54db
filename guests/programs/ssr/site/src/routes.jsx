import Home from './pages/Home.jsx'
import About from './pages/About.jsx'
import Projects from './pages/Projects.jsx'
import BlogIndex from './pages/BlogIndex.jsx'
import Post from './pages/Post.jsx'
import NotFound from './pages/NotFound.jsx'
import { findPost } from './posts.js'

export const SITE = 'wali-run'

export const nav = [
  { href: '/', label: 'Home' },
  { href: '/projects', label: 'Projects' },
  { href: '/blog', label: 'Blog' },
  { href: '/about', label: 'About' },
]

const pages = {
  '/': {
    title: 'Home',
    description: 'A small React site rendered on the server by QuickJS inside a WebAssembly guest.',
    Page: Home,
  },
  '/about': {
    title: 'About',
    description: 'What this site is and how it is served.',
    Page: About,
  },
  '/projects': {
    title: 'Projects',
    description: 'Programs that run as WALI guests.',
    Page: Projects,
  },
  '/blog': {
    title: 'Blog',
    description: 'Notes on running Linux programs as WebAssembly.',
    Page: BlogIndex,
  },
}

// Drop the query string and hash, collapse repeated slashes, drop a trailing slash.
export function normalisePath(url) {
  let path = String(url || '/')
  path = path.replace(/[?#].*$/, '')
  path = path.replace(/^[a-z]+:\/\/[^/]*/i, '')
  path = path.replace(/\/{2,}/g, '/')
  if (!path.startsWith('/')) path = '/' + path
  if (path.length > 1 && path.endsWith('/')) path = path.slice(0, -1)
  return path
}

// url -> { status, path, title, description, Page, props }
export function resolveRoute(url) {
  const path = normalisePath(url)
  const page = pages[path]
  if (page) return { status: 200, path, ...page, props: {} }

  const m = /^\/blog\/([a-z0-9-]+)$/.exec(path)
  const post = m && findPost(m[1])
  if (post) {
    return {
      status: 200,
      path,
      title: post.title,
      description: post.summary,
      Page: Post,
      props: { post },
    }
  }

  return {
    status: 404,
    path,
    title: 'Page not found',
    description: 'There is no page at this address.',
    Page: NotFound,
    props: {},
  }
}

export function pageTitle(route) {
  return route.path === '/' ? `${SITE} · ${route.title}` : `${route.title} · ${SITE}`
}
