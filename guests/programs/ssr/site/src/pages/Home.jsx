import LikeButton from '../components/LikeButton.jsx'
import { posts } from '../posts.js'

export default function Home() {
  const latest = posts.slice(0, 2)
  return (
    <>
      <section className="hero">
        <h1>Server-side React, inside WebAssembly</h1>
        <p className="lead">
          This page was rendered to HTML by React running in QuickJS, compiled to a WALI
          WebAssembly module and run by <strong>wali-run</strong>. Your browser then
          hydrated it.
        </p>
      </section>

      <section>
        <h2>Try the island</h2>
        <p>
          The button below arrives as plain server HTML. Once the client bundle hydrates
          the page it becomes interactive.
        </p>
        <LikeButton initial={3} />
      </section>

      <section>
        <h2>Latest posts</h2>
        <ul className="post-list">
          {latest.map((p) => (
            <li key={p.slug}>
              <a href={`/blog/${p.slug}`}>{p.title}</a>
              <span className="date">{p.date}</span>
            </li>
          ))}
        </ul>
      </section>
    </>
  )
}
