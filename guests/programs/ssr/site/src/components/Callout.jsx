// Used from inside an MDX post to show that posts can embed React components.
export default function Callout({ kind = 'note', title, children }) {
  return (
    <aside className={`callout callout-${kind}`} data-component="callout">
      {title ? <p className="callout-title">{title}</p> : null}
      <div className="callout-body">{children}</div>
    </aside>
  )
}
