import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vitest/config';

// The Svelte plugin compiles the runes in *.svelte.ts modules for the tests.
export default defineConfig({ plugins: [svelte()], test: { include: ['src/**/*.test.ts'] } });
