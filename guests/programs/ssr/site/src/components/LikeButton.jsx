import { useEffect, useState } from 'react'

// The interactive island. The server renders it with data-hydrated="false" and a
// disabled button; after hydrateRoot runs, the effect flips the marker to "true"
// and clicks increment the visible count.
export default function LikeButton({ initial = 0 }) {
  const [hydrated, setHydrated] = useState(false)
  const [likes, setLikes] = useState(initial)

  useEffect(() => {
    setHydrated(true)
  }, [])

  return (
    <div className="like" data-hydrated={hydrated ? 'true' : 'false'}>
      <button
        type="button"
        className="like-button"
        disabled={!hydrated}
        onClick={() => setLikes((n) => n + 1)}
      >
        <span aria-hidden="true">♥</span> Like
      </button>
      <span className="like-count" aria-live="polite">
        {likes} {likes === 1 ? 'like' : 'likes'}
      </span>
      <span className="like-status">
        {hydrated ? 'hydrated: this button runs in your browser' : 'server HTML: not hydrated yet'}
      </span>
    </div>
  )
}
