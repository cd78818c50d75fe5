// Table pagination for lists paged by the server, with the page and size kept in the URL:
// changing the page size goes back to the first page.
import type { TablePaginationConfig } from 'antd';

export function serverPagination(
  query: { page?: number | undefined; pageSize?: number | undefined },
  total: number | undefined,
  unit: string,
  set: (changes: { page: number; pageSize: number }) => void,
): TablePaginationConfig {
  return {
    current: query.page,
    pageSize: query.pageSize,
    total: total ?? 0,
    showTotal: (t) => `共 ${t} ${unit}`,
    onChange: (p, ps) => set({ page: ps === query.pageSize ? p : 1, pageSize: ps }),
  };
}
