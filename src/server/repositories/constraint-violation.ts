/** The name of the unique constraint a failed insert or update broke, if that is why it failed. */
export function violatedUniqueConstraint(error: unknown): string | undefined {
  for (let cause: unknown = error; cause instanceof Error; cause = cause.cause) {
    const { code, constraint } = cause as { code?: unknown; constraint?: unknown };
    if (code === '23505') return typeof constraint === 'string' ? constraint : undefined;
  }
  return undefined;
}
