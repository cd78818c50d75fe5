// The register's pinyin initials (domain/registry/name-initials.ts), cached: an import meets
// the same names many times, and pinyin conversion is the slowest step of a row.
import { nameInitials } from '../registry/name-initials.ts';

const cache = new Map<string, string>();
const CACHE_LIMIT = 20_000;

export function cachedNameInitials(name: string): string {
  let v = cache.get(name);
  if (v === undefined) {
    v = nameInitials(name);
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(name, v);
  }
  return v;
}
