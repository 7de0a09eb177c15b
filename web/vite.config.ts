import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The web app, built into web/dist and served by the API server (npm start builds it when missing or stale).
export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: false, chunkSizeWarningLimit: 1200 },
  server: { proxy: { '/api': 'http://127.0.0.1:8080' } },
});
