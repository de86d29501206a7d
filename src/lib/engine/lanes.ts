/**
 * One statement at a time on a database, urgent statements ahead of the others waiting. The model
 * fits' inputs are urgent: a fit runs on a thread of its own, so the sooner its input is read, the
 * more of it overlaps the statements still to come (see `Engine.urgent`).
 */
export type Lane = 'urgent' | 'normal';

/**
 * `defer` schedules the choice of the next statement on a later task, not as soon as one ends:
 * whatever arrived meanwhile is then in its lane (a DuckDB-WASM worker's messages from the page; on
 * Node, an urgent caller's next statement, issued as soon as it has this one's rows).
 */
export function statementLanes(defer: (next: () => void) => void): <T>(lane: Lane, statement: () => T | Promise<T>) => Promise<T> {
	const waiting: Record<Lane, (() => void)[]> = { urgent: [], normal: [] };
	let busy = false;
	const next = () => {
		const go = waiting.urgent.shift() ?? waiting.normal.shift();
		busy = Boolean(go);
		go?.();
	};
	return (lane, statement) =>
		new Promise((resolve, reject) => {
			waiting[lane].push(() => {
				Promise.resolve()
					.then(statement)
					.then(resolve, reject)
					.finally(() => defer(next));
			});
			if (!busy) next();
		});
}
