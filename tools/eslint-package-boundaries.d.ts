// Types for the plugin, which stays JavaScript so eslint.config.js can load it without a TypeScript loader.
import type { ESLint } from 'eslint';

declare const plugin: ESLint.Plugin;
export default plugin;
