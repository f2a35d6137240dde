import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The renderer is built to static files that both the Electron window (file://) and the web host serve.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    chunkSizeWarningLimit: 4096,
    rollupOptions: {
      // zod's sources carry explanatory comments in annotation positions; Rollup drops them harmlessly.
      onwarn(warning, warn) {
        if (warning.code !== 'INVALID_ANNOTATION') warn(warning);
      },
    },
  },
});
