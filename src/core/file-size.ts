export const MB = 1024 * 1024;

/**
 * Sizes as people read them, on the server's messages and the web app alike: MB to at most one decimal
 * (`20 MB`, `0.1 MB`), or whole KB where that would say "0 MB".
 */
export function formatMb(bytes: number): string {
  const mb = Number((bytes / MB).toFixed(1));
  return mb === 0 ? `${Math.ceil(bytes / 1024)} KB` : `${mb} MB`;
}
