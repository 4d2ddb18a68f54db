// Every MDX file in ./posts is a blog post. Its slug is the file name; its title,
// date and summary come from the YAML front matter (remark-mdx-frontmatter).
const modules = import.meta.glob('./posts/*.mdx', { eager: true })

export const posts = Object.entries(modules)
  .map(([file, mod]) => ({
    slug: file.slice('./posts/'.length, -'.mdx'.length),
    title: mod.frontmatter.title,
    date: mod.frontmatter.date,
    summary: mod.frontmatter.summary,
    Content: mod.default,
  }))
  .sort((a, b) => (a.date < b.date ? 1 : -1))

export function findPost(slug) {
  return posts.find((p) => p.slug === slug)
}
