export default function NotFound() {
  return (
    <>
      <h1>Page not found</h1>
      <p>There is no page at this address.</p>
      <p>
        <a href="/">Back to the home page</a>
      </p>
    </>
  )
}
