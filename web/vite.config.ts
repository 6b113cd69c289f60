/**
 * The staff console's build. `npm run dev:web` serves it with hot reload and forwards the API
 * (and the dev sign-in) to the hub started by `npm start` (HUB_URL, default http://localhost:4000).
 */
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const hub = process.env.HUB_URL ?? 'http://localhost:4000';

export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 2000 },
  server: {
    port: Number(process.env.WEB_PORT ?? 5173),
    proxy: { '/graphql': hub, '/dev': hub },
  },
});
