const projects = [
  {
    name: 'QuickJS',
    what: 'The JavaScript engine that renders this page, built as a WALI guest.',
  },
  {
    name: 'Lua 5.4',
    what: 'The reference interpreter, unchanged, running its test scripts.',
  },
  {
    name: 'SQLite',
    what: 'The sqlite3 shell, with files and locks served by the host kernel.',
  },
  {
    name: 'BusyBox',
    what: 'A shell and dozens of applets, using fork and execve of the module.',
  },
]

export default function Projects() {
  return (
    <>
      <h1>Projects</h1>
      <p>Programs that run unmodified as WALI guests under wali-run.</p>
      <ul className="cards">
        {projects.map((p) => (
          <li key={p.name} className="card">
            <h2>{p.name}</h2>
            <p>{p.what}</p>
          </li>
        ))}
      </ul>
    </>
  )
}
