/**
 * A FIFO lock around engine work. The one DuckDB instance runs one statement at a time anyway;
 * the lock keeps whole units of work (a build of the canonical tables, one analysis run) from
 * interleaving, so an analysis never reads `transactions` halfway through a rebuild.
 */
export class Lock {
	private tail: Promise<unknown> = Promise.resolve();
	private held = 0;

	get busy(): boolean {
		return this.held > 0;
	}

	run<T>(fn: () => Promise<T>): Promise<T> {
		this.held++;
		const result = this.tail.then(fn, fn);
		this.tail = result.then(
			() => undefined,
			() => undefined
		);
		return result.finally(() => {
			this.held--;
		});
	}
}
