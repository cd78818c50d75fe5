/** The same server, database `postgres`: where CREATE/DROP DATABASE are issued. */
export function adminUrl(url: string): string {
  return withDatabaseName(url, 'postgres');
}

export function withDatabaseName(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}
