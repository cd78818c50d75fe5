// Pinyin initials of a Chinese name, for search by initials (张三丰 -> zsf).
import { pinyin } from 'pinyin-pro';

export function nameInitials(name: string): string {
  return pinyin(name.replace(/[·\s]/g, ''), { pattern: 'first', toneType: 'none', type: 'array', surname: 'head' })
    .join('')
    .toLowerCase()
    .replace(/[^a-z]/g, '');
}
