/** Trims names, fills blanks with `columnN`, makes duplicates unique (`name_2`). */
export function uniqueNames(raw: string[]): string[] {
	const seen = new Set<string>();
	return raw.map((r, i) => {
		let base = String(r ?? '').trim();
		if (!base) base = `column${i + 1}`;
		let name = base;
		for (let k = 2; seen.has(name.toLowerCase()); k++) name = `${base}_${k}`;
		seen.add(name.toLowerCase());
		return name;
	});
}
