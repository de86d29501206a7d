/**
 * What "near the screen" means for work done only when it can be seen: within half a screen of the
 * viewport, so that it is done as the user scrolls towards it, before it comes into view.
 */
import type { Attachment } from 'svelte/attachments';

export const NEAR_SCREEN_MARGIN = '50% 0px';

/** Calls `onNear` once, when the element first comes near the screen or the page is printed. */
export function whenNearScreen(onNear: () => void): Attachment<Element> {
	return (element) => {
		const stop = () => {
			io.disconnect();
			removeEventListener('beforeprint', near);
		};
		const near = () => {
			stop();
			onNear();
		};
		const io = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && near(), { rootMargin: NEAR_SCREEN_MARGIN });
		io.observe(element);
		addEventListener('beforeprint', near);
		return stop;
	};
}
