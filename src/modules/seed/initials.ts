// Pinyin initials of a name for search by initials (张三 -> zs), with surname readings
// (曾 zeng, 单 shan). Names repeat a lot, so results are cached.
import { pinyin } from 'pinyin-pro';

const cache = new Map<string, string>();

export function nameInitials(name: string): string {
  let hit = cache.get(name);
  if (hit === undefined) {
    hit = pinyin(name, { pattern: 'first', toneType: 'none', type: 'array', surname: 'head' })
      .join('')
      .toLowerCase()
      .replace(/[^a-z]/g, '');
    if (cache.size > 100_000) cache.clear();
    cache.set(name, hit);
  }
  return hit;
}
