import { posts } from '../posts.js'

export default function BlogIndex() {
  return (
    <>
      <h1>Blog</h1>
      <ul className="post-list">
        {posts.map((p) => (
          <li key={p.slug}>
            <a href={`/blog/${p.slug}`}>{p.title}</a>
            <span className="date">{p.date}</span>
            <p>{p.summary}</p>
          </li>
        ))}
      </ul>
    </>
  )
}
