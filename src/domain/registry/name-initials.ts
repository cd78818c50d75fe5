// Pinyin initials of a Chinese name, for search by initials (张三丰 -> zsf), reading the
// first character as a surname (曾 zeng, 单 shan). Names repeat a lot, so results are cached.
import { pinyin } from 'pinyin-pro';

const cache = new Map<string, string>();

export function nameInitials(name: string): string {
  let hit = cache.get(name);
  if (hit === undefined) {
    hit = pinyin(name.replace(/[·\s]/g, ''), { pattern: 'first', toneType: 'none', type: 'array', surname: 'head' })
      .join('')
      .toLowerCase()
      .replace(/[^a-z]/g, '');
    if (cache.size > 100_000) cache.clear();
    cache.set(name, hit);
  }
  return hit;
}
