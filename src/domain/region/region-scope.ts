// What a user with region scope `scope` (a code prefix) may see of the region tree: the
// scope's own subtree in full, and the names of the regions above it (for breadcrumbs),
// but nothing of the neighbouring subtrees.

export type RegionAccess = 'full' | 'ancestor' | 'none';

export function regionAccess(scope: string, code: string): RegionAccess {
  if (code.startsWith(scope)) return 'full';
  if (scope.startsWith(code)) return 'ancestor';
  return 'none';
}

/**
 * The prefix to search within: the requested one where the user sees all of it, the
 * user's scope where the request names a region above it; undefined when the requested
 * region is outside the scope.
 */
export function searchPrefix(scope: string, within: string | undefined): string | undefined {
  if (within === undefined || within === '') return scope;
  switch (regionAccess(scope, within)) {
    case 'full':
      return within;
    case 'ancestor':
      return scope;
    default:
      return undefined;
  }
}
