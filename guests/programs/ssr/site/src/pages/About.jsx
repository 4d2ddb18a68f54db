export default function About() {
  return (
    <>
      <h1>About this site</h1>
      <p>
        It is a small Vite project: React 19 components, blog posts written in MDX, and one
        stylesheet. Vite builds it twice. The client build gives hashed JavaScript and CSS
        for the browser; the server build gives one self-contained ES module that exports{' '}
        <code>render(url)</code>.
      </p>
      <p>
        A small HTTP server written in C embeds QuickJS, loads that module and calls{' '}
        <code>render</code> for each request. The whole server is a WebAssembly module
        that talks to Linux through WALI system calls.
      </p>
      <h2>How a request is served</h2>
      <ol>
        <li>The guest accepts a connection and reads the request line.</li>
        <li>
          It calls <code>render(url)</code>, which returns the status, the page head and
          the app markup.
        </li>
        <li>
          The markup goes into the client <code>index.html</code> in place of the
          placeholders, and the response is written back.
        </li>
      </ol>
    </>
  )
}
