/** Quotes an identifier taken from a user's file so any name (spaces, quotes, keywords) is safe in SQL. */
export function quoteIdent(name: string): string {
	return `"${name.replaceAll('"', '""')}"`;
}

/** Quotes user text as a SQL string literal. Used only where a driver cannot bind a parameter (DDL, file names). */
export function quoteString(text: string): string {
	return `'${text.replaceAll("'", "''")}'`;
}
