// Small helpers over connection strings: which database a URL names, and the same server with
// another database.

/** The database a postgres URL names (the path without its slash), decoded. */
export function databaseName(url: string): string {
  const name = decodeURIComponent(new URL(url).pathname.replace(/^\//, ""));
  if (!name) throw new Error(`DATABASE_URL names no database: ${redactUrl(url)}`);
  return name;
}

/** The same server and credentials, another database. */
export function withDatabase(url: string, database: string): string {
  const next = new URL(url);
  next.pathname = `/${encodeURIComponent(database)}`;
  return next.toString();
}

/** The URL without its password, for messages. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return "<unparseable url>";
  }
}

/** Quotes an identifier for SQL (database names come from URLs and generated names). */
export function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
