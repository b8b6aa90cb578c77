/**
 * An absolute http: or https: URL, after trimming (the content hash trims media links too). Other
 * schemes (javascript:, data:, ftp:) are never links a reader should be sent to.
 */
export function isHttpUrl(text: string): boolean {
  if (typeof text !== 'string') return false;
  try {
    const url = new URL(text.trim());
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}
