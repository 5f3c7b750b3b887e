import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// The domain core stays pure: no transport, storage, clock-driving or logging library may enter it.
const ioModules = [
  'discord.js', 'rss-parser', 'node-cron', 'pino', 'pino-pretty', 'better-sqlite3', 'pg', 'ws', 'prom-client',
  'fs', 'node:fs', 'fs/promises', 'node:fs/promises', 'net', 'node:net', 'http', 'node:http', 'https', 'node:https',
  'dns', 'node:dns', 'child_process', 'node:child_process',
];

export default tseslint.config(
  { ignores: ['node_modules/**', 'data/**', 'dist/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', setInterval: 'readonly', clearInterval: 'readonly', Buffer: 'readonly', fetch: 'readonly', AbortController: 'readonly', TextDecoder: 'readonly', TextEncoder: 'readonly', queueMicrotask: 'readonly', setImmediate: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: ioModules.map((name) => ({ name, message: 'src/domain is pure: do I/O in src/adapters and inject it.' })),
        patterns: [{ group: ['**/adapters/**', '**/app/**'], message: 'src/domain must not depend on outer layers.' }],
      }],
    },
  },
);
