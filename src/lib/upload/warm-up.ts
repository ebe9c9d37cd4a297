/**
 * The first export read on a page is much slower than the next: the browser compiles DuckDB's
 * WebAssembly quickly first and optimises the functions that turn out hot only as they run
 * (Chromium: a 1M-row drop took ~2.9 s on a fresh page, ~2.1 s the second time). So, while staff
 * look for their file, the page reads a small invented export through the same steps, on every
 * engine, and throws everything away. Nothing of it is shown or kept, and no request is made.
 */
import { dropAllExcept, type Engine } from '$lib/db/engine';
import { computeIndicators } from '$lib/indicators';
import { analyseExports } from './analyse';

/**
 * A 1M-row drop once the page had read this many rows (2 workers, Chromium, 2 cores): 40k rows
 * 2.34–2.47 s, 120k rows 2.20–2.30 s, none 2.9–3.1 s. 120k rows take ~1 s after the engines start.
 */
export const WARM_UP_ROWS = 120_000;

const SEXES = ['F', 'M', 'female', 'ж', ''];
const COUNTRIES = ['KG', 'UZB', 'Tajikistan', 'Россия', 'кыргыз', 'Afghan', 'Atlantis', ''];
const DISABILITY = ['yes', 'no', 'да', ''];
const ORGANISATIONS = ['Org A', 'Org B', 'Org C'];
const PROGRAMMES = ['Shelter', 'Legal aid', 'Camp', 'Migrant support'];
const GROUPS = ['Survivor', 'Refugee', 'Migrant', 'Child'];
const REGIONS = ['Bishkek', 'Chuy', 'Osh', 'Naryn', 'Talas'];

/** An invented export of `rows` rows, the shape of a case register's (ids that recur, dd.mm.yyyy and ISO dates, a few unknown values). */
export function warmUpCsv(rows = WARM_UP_ROWS): string {
	const lines = ['case_id,registration_date,organisation,programme,beneficiary_group,sex,age,nationality,disability,oblast'];
	for (let i = 0; i < rows; i++) {
		const year = 2019 + (i % 7);
		const day = String(1 + (i % 28)).padStart(2, '0');
		const month = String(1 + (i % 12)).padStart(2, '0');
		const date = i % 3 ? `${year}-${month}-${day}` : `${day}.${month}.${year}`;
		const pick = (values: string[], salt: number) => values[(i * salt + (i >> 3)) % values.length];
		lines.push(
			[`W-${i % Math.floor(rows * 0.9)}`, date, pick(ORGANISATIONS, 7), pick(PROGRAMMES, 5), pick(GROUPS, 3), pick(SEXES, 11), String(i % 95), pick(COUNTRIES, 13), pick(DISABILITY, 17), pick(REGIONS, 19)].join(',')
		);
	}
	return lines.join('\n') + '\n';
}

/** Read the invented export on `engines` (in parts, one per engine), then leave them empty, even when stopped. */
export async function warmUp(engines: Engine[], { signal, rows = WARM_UP_ROWS }: { signal?: AbortSignal; rows?: number } = {}): Promise<void> {
	try {
		const bytes = new TextEncoder().encode(warmUpCsv(rows));
		const { options } = await analyseExports(engines, [{ name: 'warm-up.csv', bytes }], { partBytes: 0, signal });
		if (!signal?.aborted) await computeIndicators(engines[0], { from: options.years[0], to: options.years.at(-1) }, { groupInScope: true });
	} finally {
		await Promise.all(engines.map((engine) => dropAllExcept(engine, '')));
	}
}

/** A warm-up under way: `finished` tells whether it read to its end; `stop()` ends it at its next step, and resolves once the engines are empty. */
export interface WarmingUp {
	finished: Promise<boolean>;
	stop(): Promise<boolean>;
}

export function startWarmUp(engines: Engine[]): WarmingUp {
	const stopping = new AbortController();
	const finished = warmUp(engines, { signal: stopping.signal }).then(
		() => !stopping.signal.aborted,
		() => false
	);
	return { finished, stop: () => (stopping.abort(), finished) };
}
