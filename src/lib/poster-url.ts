/** Absolute address of a site path, for QR codes and printed URLs. */
export function absoluteUrl(path: string, site: URL | string): string {
  return new URL(path, site).href;
}
