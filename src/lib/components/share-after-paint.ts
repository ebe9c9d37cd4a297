/**
 * A view's filters go into the URL, so that it can be shared, once its figures are on screen:
 * replaceState is synchronous and Chromium reloads the page's icon on every URL change (≈ 7 ms
 * of the main thread, measured), which would otherwise hold back the frame that shows them.
 */
import { replaceState } from '$app/navigation';
import { page } from '$app/state';

/** `current`: whether this view is still the one shown (a later change must win the URL). */
export function shareAfterPaint(search: URLSearchParams, current: () => boolean): void {
	requestAnimationFrame(() =>
		setTimeout(() => {
			if (!current()) return;
			const url = new URL(page.url);
			url.search = search.toString();
			replaceState(url, page.state);
		})
	);
}
