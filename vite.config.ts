import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// base './' so Electron can load the built files from app:// and the web bridge from any port.
export default defineConfig({
  root: 'src-renderer',
  base: './',
  plugins: [react()],
  build: { outDir: '../dist-renderer', emptyOutDir: true, chunkSizeWarningLimit: 2000 },
});
