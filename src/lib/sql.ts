/** Quotes an identifier taken from a user's file so any name (spaces, quotes, keywords) is safe in SQL. */
export function quoteIdent(name: string): string {
	return `"${name.replaceAll('"', '""')}"`;
}

/** Quotes user text as a SQL string literal: every query is built as text (filter values, file names, breakdown labels, customer search), so every user value goes through here. */
export function quoteString(text: string): string {
	return `'${text.replaceAll("'", "''")}'`;
}
