// A small data-driven table, rendered from inside an MDX post.
export default function SyscallTable({ rows }) {
  return (
    <table className="syscalls" data-component="syscall-table">
      <thead>
        <tr>
          <th>syscall</th>
          <th>what the host does</th>
        </tr>
      </thead>
      <tbody>
        {rows.map(([name, what]) => (
          <tr key={name}>
            <td>
              <code>{name}</code>
            </td>
            <td>{what}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
