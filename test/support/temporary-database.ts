import { randomUUID } from 'node:crypto';
import pg from 'pg';

// A database of its own on the PostgreSQL server `adminUrl` names, dropped afterwards: for test files and
// benchmarks (no vitest here, so benchmarks can import it).

export async function temporaryDatabase(
  adminUrl: string,
  prefix: string,
): Promise<{ url: string; host: string; drop(): Promise<void> }> {
  const name = `${prefix}_${randomUUID().replaceAll('-', '')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database "${name}"`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    host: url.host,
    async drop() {
      await admin.query(`drop database if exists "${name}" with (force)`);
      await admin.end();
    },
  };
}
