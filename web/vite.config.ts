import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The config is loaded as ESM, so the directory is derived from the module URL rather than __dirname.
const webDir = path.dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  root: webDir,
  base: '/',
  plugins: [react()],
  build: {
    // The server serves the console from dist/web, next to its own build output.
    outDir: path.resolve(webDir, '../dist/web'),
    emptyOutDir: true,
    // antd is one interdependent library (about 1 MB minified, 300 kB gzipped) that an admin console
    // uses almost entirely; splitting it further would only add requests, so the warning starts above it.
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      output: {
        // antd and React change far less often than the console itself, so they get chunks of their own
        // that browsers keep cached across console releases.
        codeSplitting: {
          groups: [
            {
              name: 'react',
              test: /node_modules[\\/](react|react-dom|react-router|react-router-dom|scheduler)[\\/]/,
              priority: 3,
            },
            {
              name: 'antd',
              test: /node_modules[\\/](antd|@ant-design|@rc-component|rc-[^\\/]+)[\\/]/,
              priority: 2,
            },
            { name: 'vendor', test: /node_modules[\\/]/, priority: 1 },
          ],
        },
      },
    },
  },
  server: {
    proxy: {
      '/api': 'http://localhost:3000',
    },
  },
});
