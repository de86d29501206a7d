/**
 * Results arrive one by one from the worker. Handing each to the page at once redrew the dashboard
 * inside the message handler, before the analysis runner could send the database its next
 * statements, so the database waited for the page. Queued here, they are applied at the next
 * frames: the runner goes on at once.
 */

export interface FrameBatch<T> {
	/** Queues an item; it is applied at the next frame with room for it (see `perFrame`). */
	push(item: T): void;
	/** Applies whatever is queued now (e.g. before the run reports that it has finished). */
	flush(): void;
}

/** Waits for the next frame, or for a timer where frames are not drawn (a hidden tab). */
export function nextFrame(run: () => void): () => void {
	if (typeof requestAnimationFrame !== 'function') {
		const t = setTimeout(run, 0);
		return () => clearTimeout(t);
	}
	let done = false;
	const once = () => {
		if (done) return;
		done = true;
		cancelAnimationFrame(frame);
		clearTimeout(timer);
		run();
	};
	const frame = requestAnimationFrame(once);
	const timer = setTimeout(once, HIDDEN_TAB_FALLBACK_MS);
	return () => {
		done = true;
		cancelAnimationFrame(frame);
		clearTimeout(timer);
	};
}

/** Long enough never to beat a frame in a visible tab, short enough not to be noticed in a hidden one. */
const HIDDEN_TAB_FALLBACK_MS = 250;

/**
 * `perFrame` caps what one frame applies: each result redraws its panels, and several in one task
 * would make the page's longest task their sum.
 */
export function frameBatch<T>(
	apply: (items: T[]) => void,
	{ schedule = nextFrame, perFrame = Infinity }: { schedule?: (run: () => void) => () => void; perFrame?: number } = {}
): FrameBatch<T> {
	let queued: T[] = [];
	let cancel: (() => void) | null = null;
	const take = (n: number) => {
		cancel?.();
		cancel = null;
		if (queued.length === 0) return;
		const items = queued.slice(0, n);
		queued = queued.slice(n);
		apply(items);
		if (queued.length) cancel ??= schedule(frame);
	};
	const frame = () => take(perFrame);
	return {
		push(item) {
			queued.push(item);
			cancel ??= schedule(frame);
		},
		flush: () => take(Infinity)
	};
}
