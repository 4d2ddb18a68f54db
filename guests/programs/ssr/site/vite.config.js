import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vite'
import react from '@vitejs/plugin-react'
import mdx from '@mdx-js/rollup'
import remarkFrontmatter from 'remark-frontmatter'
import remarkMdxFrontmatter from 'remark-mdx-frontmatter'

// React 19's react-dom/server entries (browser, edge, node) need MessageChannel,
// TextEncoder or Node streams. The server bundle runs in bare QuickJS, so the SSR
// build uses the synchronous legacy renderer (renderToString) instead.
const legacyServer = fileURLToPath(
  new URL('./node_modules/react-dom/cjs/react-dom-server-legacy.browser.production.js', import.meta.url),
)

export default defineConfig(({ isSsrBuild }) => ({
  plugins: [
    {
      enforce: 'pre',
      ...mdx({ remarkPlugins: [remarkFrontmatter, remarkMdxFrontmatter] }),
    },
    react({ include: /\.(jsx|js|mdx)$/ }),
  ],
  define: {
    'process.env.NODE_ENV': JSON.stringify('production'),
  },
  resolve: isSsrBuild
    ? { alias: [{ find: /^react-dom\/server$/, replacement: legacyServer }] }
    : {},
  ssr: {
    noExternal: true,
    target: 'webworker',
  },
  build: isSsrBuild
    ? {
        minify: 'esbuild',
        target: 'es2020',
        copyPublicDir: false,
        rollupOptions: {
          output: {
            format: 'es',
            entryFileNames: 'entry-server.js',
            inlineDynamicImports: true,
          },
        },
      }
    : {
        manifest: true,
        target: 'es2020',
      },
}))
