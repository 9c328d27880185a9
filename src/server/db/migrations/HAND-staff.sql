-- Accounts that existed before duties did keep what they could do: each province account held every duty, and
-- each department account was its department's only staff. To be appended to issue 12's squashed migration.
UPDATE "users" SET "duties" = '{admin}' WHERE "role" IN ('province', 'department');
