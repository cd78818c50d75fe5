import { describe, expect, it } from 'vitest';
import { regionAccess, searchPrefix } from './region-scope.ts';

describe('what a user sees of the region tree', () => {
  it('a county officer sees the county down to its villages, the names above it, nothing of the neighbours', () => {
    expect(regionAccess('150425', '150425')).toBe('full');
    expect(regionAccess('150425', '150425100201')).toBe('full');
    expect(regionAccess('150425', '1504')).toBe('ancestor');
    expect(regionAccess('150425', '15')).toBe('ancestor');
    expect(regionAccess('150425', '150426')).toBe('none');
    expect(regionAccess('150425', '150426100')).toBe('none');
    expect(regionAccess('150425', '43')).toBe('none');
  });

  it('a search is kept inside the scope', () => {
    expect(searchPrefix('150425', undefined)).toBe('150425');
    expect(searchPrefix('150425', '150425100')).toBe('150425100');
    expect(searchPrefix('150425', '15')).toBe('150425');
    expect(searchPrefix('150425', '150426')).toBeUndefined();
    expect(searchPrefix('', '53')).toBe('53');
  });
});
