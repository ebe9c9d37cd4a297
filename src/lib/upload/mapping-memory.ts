/**
 * The user's answer to "which column is the year?" is remembered in this browser (never sent
 * anywhere) for the next export with the same headers.
 */
import type { ColumnChoice } from '$lib/ingest/load-export';

const PREFIX = 'impact-dashboard:mapping:';

export function headerSignature(headers: string[]): string {
	return headers.map((h) => h.trim().toLowerCase()).join('\u241f');
}

export function recallChoice(storage: Pick<Storage, 'getItem'>, headers: string[]): ColumnChoice | undefined {
	const saved = storage.getItem(PREFIX + headerSignature(headers));
	if (!saved) return undefined;
	try {
		return JSON.parse(saved) as ColumnChoice;
	} catch {
		return undefined;
	}
}

export function rememberChoice(storage: Pick<Storage, 'setItem'>, headers: string[], choice: ColumnChoice): void {
	storage.setItem(PREFIX + headerSignature(headers), JSON.stringify(choice));
}
