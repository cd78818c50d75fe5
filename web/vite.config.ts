// Build of the web app: `vite build web` writes web/dist, which the server serves.
// React JSX goes through esbuild's automatic runtime (no React plugin needed).
import { defineConfig } from 'vite';

const domain = new URL('../src/domain', import.meta.url).pathname;

export default defineConfig({
  root: new URL('.', import.meta.url).pathname,
  esbuild: { jsx: 'automatic' },
  resolve: {
    // The pure domain modules (vocabularies, field labels, money) are shared with the server,
    // so every dropdown offers exactly the values the server accepts.
    alias: { '@domain': domain },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
    rollupOptions: {
      // antd marks its modules "use client" (for React Server Components); meaningless here.
      onwarn(warning, warn) {
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
      output: {
        // Libraries change less often than the app: a separate chunk stays cached across releases.
        manualChunks: (id) => (id.includes('node_modules') ? 'vendor' : undefined),
      },
    },
  },
  server: {
    fs: { allow: ['..'] },
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
});
