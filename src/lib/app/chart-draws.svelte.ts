/**
 * Charts are drawn one per task. One result can redraw several charts (RFM's segments, heatmap and
 * scatter), and drawn together they made the longest task of a 1 M-row load (226–255 ms); one per
 * task, the page handles input and paints between them. The session counts the draws still to
 * come as work in flight, so `data-state="ready"` still means every chart is on screen.
 */

type Draw = () => void;

export class ChartDraws {
	/** Draws queued and not yet run. */
	pending = $state(0);
	private readonly queue: Draw[] = [];
	private channel: MessageChannel | null = null;
	private scheduled = false;

	/** Queues a draw; the returned function takes it back if it has not run yet. */
	add(draw: Draw): () => void {
		this.queue.push(draw);
		this.pending = this.queue.length;
		this.schedule();
		return () => {
			const i = this.queue.indexOf(draw);
			if (i < 0) return;
			this.queue.splice(i, 1);
			this.pending = this.queue.length;
		};
	}

	/** Runs every queued draw now (printing cannot wait for later tasks). */
	flush(): void {
		while (this.queue.length) this.runFirst();
	}

	private schedule(): void {
		if (this.scheduled || this.queue.length === 0) return;
		this.scheduled = true;
		// A message, not a timer: timers in a background tab run at most once a second.
		if (!this.channel) {
			this.channel = new MessageChannel();
			this.channel.port1.onmessage = () => this.next();
		}
		this.channel.port2.postMessage(null);
	}

	private next(): void {
		this.scheduled = false;
		try {
			if (this.queue.length) this.runFirst();
		} finally {
			this.schedule();
		}
	}

	private runFirst(): void {
		const draw = this.queue.shift()!;
		this.pending = this.queue.length;
		draw();
	}
}

export const chartDraws = new ChartDraws();
