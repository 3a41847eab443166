/** One page of a list, for the opaque-token (ACM) and marker (CloudFront) styles alike. */
export interface Page<T> {
  items: T[];
  /** Index of the first item of the next page, or undefined on the last page. */
  next: number | undefined;
}

export function pageFrom<T>(all: readonly T[], start: number, size: number): Page<T> {
  const items = all.slice(start, start + size);
  const end = start + items.length;
  return { items, next: end < all.length ? end : undefined };
}

/** The largest page: what the client asked for, capped by the fake's own size. */
export function pageSize(requested: number | undefined, cap: number): number {
  return requested !== undefined && requested > 0 ? Math.min(requested, cap) : cap;
}

export function encodeToken(index: number): string {
  return Buffer.from(`fake-page:${index}`).toString('base64');
}

/** The index a token stands for, or undefined when the token is not one the fake issued. */
export function decodeToken(token: string): number | undefined {
  const match = /^fake-page:(\d+)$/.exec(Buffer.from(token, 'base64').toString());
  return match ? Number(match[1]) : undefined;
}
