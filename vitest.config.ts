import { defineConfig } from 'vitest/config';

// Three projects, run alone by `npm run test:unit`, `test:db` and `test:e2e`, together by `npm test`:
// unit needs nothing but Node, db a database (PGlite in memory, or PostgreSQL when DATABASE_URL is set),
// e2e the built web app and Chromium.
export default defineConfig({
  test: {
    testTimeout: 30_000,
    // Hooks build worlds as tests do (a file's app and database, accounts, applications).
    hookTimeout: 30_000,
    setupFiles: ['test/support/seed-report.ts'],
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: [
            'src/**/*.test.ts',
            'scripts/**/*.test.ts',
            'test/core/**/*.test.ts',
            'test/cli/**/*.test.ts',
          ],
        },
      },
      { extends: true, test: { name: 'db', include: ['test/server/**/*.test.ts'] } },
      { extends: true, test: { name: 'e2e', include: ['test/e2e/**/*.test.ts'] } },
    ],
  },
});
