/**
 * What /upload releases for a dropped export, and how (DESIGN.md, "Successive releases"): a new
 * release against the one the site publishes (the default for the same register), a revision of
 * it, or a first release of the export alone. Holds the choice and its result for the page; the
 * release itself is the build's transform (analyse.ts), run again when the choice changes.
 */
import type { IngestResult } from '$lib/ingest/load-export';
import type { Release } from '$lib/release';
import type { LineageRelease } from '$lib/release/lineage';
import type { ReleaseDocument } from '$lib/release/release-file';
import type { Revision } from '$lib/release/revision';
import type { ScopeField } from '$lib/types';
import { fetchPublished, sameRegister } from './published-release';

export type ReleaseMode = 'against' | 'revise' | 'first';

export interface ReleaseSettings {
	k: number;
	scope: ScopeField[];
	periods: { from: number; to: number }[];
}

interface Transforms {
	publishable: (ingest: IngestResult, settings: ReleaseSettings, previous?: ReleaseDocument) => Promise<Release | LineageRelease>;
	revision: (ingest: IngestResult, settings: ReleaseSettings, previous: ReleaseDocument) => Promise<Revision>;
}

/** `url`: the site's own /data/release.json; `transforms`: loaded with the page's upload code. */
export function createReleaseChoice(url: string, settings: () => ReleaseSettings, transforms: () => Promise<Transforms>) {
	let published = $state<ReleaseDocument | null>(null);
	let fetched = false;
	let mode = $state<ReleaseMode>('first');
	let released = $state<(Release & { revises?: string }) | LineageRelease | null>(null);
	let refused = $state<Revision | null>(null);
	let auditing = $state(false);
	let current: IngestResult | null = null;

	async function run(ingest: IngestResult) {
		current = ingest;
		auditing = true;
		released = refused = null;
		try {
			const { publishable, revision } = await transforms();
			if (mode === 'revise' && published) {
				const result = await revision(ingest, settings(), published);
				if (current !== ingest) return;
				if (result.exposures.length) refused = result;
				else released = { ...result.release, revises: published.exportDate };
			} else {
				const result = await publishable(ingest, settings(), mode === 'against' && published ? published : undefined);
				if (current === ingest) released = result;
			}
		} finally {
			if (current === ingest) auditing = false;
		}
	}

	return {
		get published() {
			return published;
		},
		get mode() {
			return mode;
		},
		get released() {
			return released;
		},
		/** What the release kept, adds and holds back, when it was made against the published one. */
		get lineage() {
			return released && 'heldBack' in released ? released : null;
		},
		get refused() {
			return refused;
		},
		get auditing() {
			return auditing;
		},
		/** A new export: the published release fetched once, the default chosen, the release made. */
		async start(ingest: IngestResult) {
			if (!fetched) (published = await fetchPublished(url, settings().k)), (fetched = true);
			mode = published && sameRegister(ingest.rows, published) ? 'against' : 'first';
			await run(ingest);
		},
		/** The staff member's choice: the same export released another way. */
		async choose(next: ReleaseMode) {
			mode = next;
			if (current) await run(current);
		},
		/** The export is gone (cancelled, a fault): nothing to offer. */
		clear() {
			current = null;
			released = refused = null;
			auditing = false;
		},
		/** The date the download carries: the published release's own when nothing is new, else today. */
		downloadDate(today: string) {
			const lineage = released && 'heldBack' in released ? released : null;
			return lineage && lineage.newRows === 0 && published ? published.exportDate : today;
		}
	};
}
