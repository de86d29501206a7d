/**
 * For lists queried on demand (a drill-down page, the reviews with a term): every sort, search or
 * data change starts a new query, and an older, slower answer must never replace a newer one.
 */
export interface LatestHandlers<T> {
	done(value: T): void;
	failed(error: unknown): void;
	settled(): void;
}

/** A runner where only the most recently started query's outcome reaches its handlers. */
export function latestOnly(): <T>(work: Promise<T>, handlers: LatestHandlers<T>) => void {
	let newest = 0;
	return (work, handlers) => {
		const id = ++newest;
		work
			.then(
				(value) => {
					if (id === newest) handlers.done(value);
				},
				(error: unknown) => {
					if (id === newest) handlers.failed(error);
				}
			)
			.finally(() => {
				if (id === newest) handlers.settled();
			});
	};
}
