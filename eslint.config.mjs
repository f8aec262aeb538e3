import tseslint from 'typescript-eslint';
import globals from 'globals';

// Apps Script services may only be touched by the adapters (src/gas) and the entry wiring (src/main.ts):
// the core stays pure and testable, the UI talks to the server only through google.script.run.
const appsScriptGlobals = [
  'SpreadsheetApp',
  'DriveApp',
  'PropertiesService',
  'CacheService',
  'LockService',
  'ScriptApp',
  'HtmlService',
  'Session',
  'Utilities',
  'Logger',
  'Browser',
  'UrlFetchApp',
  'MailApp',
  'GmailApp',
  'DocumentApp',
  'FormApp',
  'CardService',
  'ContentService',
].map((name) => ({
  name,
  message: `${name} is an Apps Script service: only src/gas/ adapters (and src/main.ts) may use it. Pass a port from src/core/ports.ts instead.`,
}));

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'dist-rehearsal/**',
      'node_modules/**',
      'coverage/**',
      'artifacts/**',
      'rehearsal-output/**',
    ],
  },
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      'no-restricted-globals': ['error', ...appsScriptGlobals],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    files: ['src/gas/**', 'src/main.ts'],
    rules: { 'no-restricted-globals': 'off' },
  },
  {
    files: ['src/ui/**'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    // the test sequencer and what it shares with the environment: CommonJS, as jest requires a sequencer
    files: ['tests/support/*.js'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
