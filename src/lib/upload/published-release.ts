/**
 * The release this site publishes, for /upload to make a new one against it (DESIGN.md,
 * "Successive releases"): fetched from the site's own origin, validated like a release in data/.
 */
import { ALL, type PersonRow } from '$lib/types';
import { parseReleaseDocument, type ReleaseDocument } from '$lib/release/release-file';

/** Null when the site publishes none this page can read (offline before it was kept, an old format). */
export async function fetchPublished(url: string, k: number, fetchFn: typeof fetch = fetch): Promise<ReleaseDocument | null> {
	try {
		const response = await fetchFn(url);
		if (!response.ok) return null;
		return parseReleaseDocument(await response.json(), url, k);
	} catch {
		return null;
	}
}

/**
 * Whether an export looks like the register behind a release: it shares a value of the release's
 * first scope field (an organisation). Another register's export is released on its own by default.
 */
export function sameRegister(people: PersonRow[], previous: ReleaseDocument): boolean {
	const field = previous.scope[0];
	if (!field) return true;
	const published = new Set(previous.rows.map((r) => r[field]).filter((v) => v !== ALL));
	return people.some((p) => published.has(p[field]));
}
