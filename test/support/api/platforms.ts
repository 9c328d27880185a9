import { createHash } from 'node:crypto';
import type { Platform } from '../../../src/core/bundle/schema.js';
import type { Database } from '../../../src/server/db/database.js';
import { files, organizationPlatforms, users } from '../../../src/server/db/schema.js';
import { uniqueLogin } from '../factories/server.js';

/** A platform recorded for `organizationId` as the province records it, valid over the whole practice year unless told. */
export async function insertPlatforms(
  db: Database,
  organizationId: string,
  platforms: readonly Platform[],
  validity: { validFrom?: string; validTo?: string } = {},
) {
  if (platforms.length === 0) return;
  const sha256 = createHash('sha256').update(`evidence ${organizationId}`).digest('hex');
  await db.insert(files).values({ sha256, size: 1, mime: 'application/pdf' }).onConflictDoNothing();
  const [user] = await db
    .insert(users)
    .values({ login: uniqueLogin('province'), passwordHash: '-', displayName: '省科技厅', role: 'province' })
    .returning();
  await db.insert(organizationPlatforms).values(
    platforms.map((platform) => ({
      organizationId,
      platform,
      validFrom: validity.validFrom ?? '2020-01-01',
      validTo: validity.validTo ?? '2099-12-31',
      evidenceSha256: sha256,
      evidenceName: '证明材料.pdf',
      createdBy: user!.id,
    })),
  );
}
