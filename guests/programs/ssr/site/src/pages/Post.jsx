export default function Post({ post }) {
  const { Content } = post
  return (
    <article className="post">
      <header>
        <p className="date">{post.date}</p>
      </header>
      <div className="prose">
        <Content />
      </div>
      <p className="back">
        <a href="/blog">← All posts</a>
      </p>
    </article>
  )
}
