/**
 * One visit to /upload: the engines started as the page opens and warmed up, the files dropped,
 * read and checked (with staff's column and sheet choices, and those remembered), the figures of
 * the export for the filters chosen, the release made of it and the grant report on it. The page
 * only shows this state and hands it staff's actions.
 */
import { loadRender } from '$lib/charts/load-render';
import type { Engine } from '$lib/db/engine';
import { engineFault } from '$lib/db/engine-fault';
import type { Indicators } from '$lib/indicators';
import type { ColumnChoice, ExportFile, Phase } from '$lib/ingest/load-export';
import type { Messages } from '$lib/i18n/messages/en';
import { faultText, uploadFaultText } from '$lib/i18n/engine-fault-text';
import { registerOffline } from '$lib/offline/register';
import type { Report } from '$lib/report';
import { kept } from '$lib/kept';
import type { Filters } from '$lib/types';
import type { Analysis } from './analyse';
import { compareYears, type ComparisonRow, type YearFigures } from './compare';
import { recallChoice, rememberChoice } from './mapping-memory';
import { createReleaseChoice, type ReleaseSettings } from './release-choice.svelte';
import type { WarmingUp } from './warm-up';

/** Files bigger than this would exhaust the tab's memory: said instead of crashing. */
export const MAX_BYTES = 1024 * 1024 * 1024;

/** What the page's figures are computed with (components/query-runner.svelte.ts): only the latest run lands. */
interface Runner {
	readonly state: 'loading' | 'ready' | 'error';
	readonly failure: unknown;
	run(compute: () => Promise<Indicators | null>): Promise<void>;
}

interface Deps {
	messages: () => Messages;
	settings: () => ReleaseSettings & { country: string };
	/** The site's published figures per year, compared with the export's. */
	published: () => YearFigures[];
	/** The site's own /data/release.json, which a new release is made against. */
	releaseUrl: string;
	runner: Runner;
	/** Where staff's column choices are remembered for exports with the same headers. */
	storage: () => Pick<Storage, 'getItem' | 'setItem'>;
}

export function createUploadSession({ messages, settings, published, releaseUrl, runner, storage }: Deps) {
	let picked: File[] = [];
	/** Each load reads the files afresh: the engine takes the bytes it is given (no copy of a large export). */
	const bytesOf = async (f: File) => new Uint8Array(await f.arrayBuffer());
	const readPicked = (): Promise<ExportFile[]> => Promise.all(picked.map(async (f) => ({ name: f.name, bytes: await bytesOf(f), reread: () => bytesOf(f) })));
	let choices: Record<string, ColumnChoice> = {};
	/** The sheet read of each workbook that has several with data (default: the first). */
	let sheets: Record<string, string> = {};
	let phase = $state<Phase | null>(null);
	let phaseFile = $state('');
	let analysis = $state<Analysis | null>(null);
	let comparison = $state<ComparisonRow[]>([]);
	let filters = $state<Filters>({});
	let message = $state('');
	let report = $state<Report | null>(null);
	let engineState = $state<'starting' | 'started' | 'warm'>('starting');
	/**
	 * This page, the app's code and the engine's wasm kept for offline use: once the engines are
	 * warm or a load is done (registering while they start slowed them by ~0.4 s); once kept, not
	 * asked again after each load.
	 */
	let offline = $state(false);
	let abort: AbortController | null = null;
	let engine: Engine | null = null;
	/** The page's warm-up read (see warm-up.ts): a drop stops it and waits for the engines to be emptied. */
	let warming: WarmingUp | null = null;
	/** A cancelled load ends the engines it started: engines started before then are not warmed up. */
	let cancels = 0;
	const m = () => messages();
	const modules = kept(() => Promise.all([import('$lib/db/browser'), import('./analyse'), import('./warm-up')]));
	const refreshModules = kept(() => Promise.all([import('$lib/indicators'), import('./year-figures'), loadRender()]));
	// The release, against the published one or not (release-choice.svelte.ts): once the dashboard is on screen.
	const choice = createReleaseChoice(releaseUrl, settings, async () => (await modules())[1]);
	// The workbook reader's worker is not in SvelteKit's list of the app's code: kept by name.
	const keep = () =>
		void (
			offline ||
			import('$lib/ingest/workbook-worker-url')
				.then(({ workbookWorkerUrl }) => workbookWorkerUrl())
				.then((worker) => registerOffline([worker]))
				.then((ok) => (offline ||= ok))
		);

	/**
	 * Someone on this page is about to drop a file: DuckDB started now (≈1 s) and the code that
	 * reads exports loaded, not after the drop; then the engines read an invented export
	 * (warm-up.ts), so that the first real one runs on code the browser has optimised.
	 */
	function open() {
		modules().then(([{ browserEngines }, { prepareReading }, { startWarmUp }]) =>
			browserEngines().then(
				(engines) => {
					if (cancels > 0) return;
					engineState = 'started';
					// The country index is built once the engines are up, not while the page starts.
					prepareReading();
					// A drop already under way would stop it at once.
					if (phase !== null) return;
					warming = startWarmUp(engines);
					warming.finished.then((warm) => {
						if (!warm) return; // stopped by a drop: kept once that load is done
						engineState = 'warm';
						keep();
					});
				},
				// Said at once, before a file is chosen; a drop tries again.
				(error) => {
					if (phase === null && !message) message = faultText(error, m());
				}
			)
		);
	}

	async function pick(list: File[]) {
		message = '';
		const tooLarge = list.find((f) => f.size > MAX_BYTES);
		if (tooLarge) {
			message = m().tooLarge(tooLarge.name, (tooLarge.size / 1024 / 1024).toFixed(0));
			return;
		}
		phase = 'reading';
		picked = list;
		choices = {};
		sheets = {};
		await analyse();
	}

	async function analyse() {
		abort = new AbortController();
		const signal = abort.signal;
		const cancelled = new Promise<never>((_, reject) => signal.addEventListener('abort', () => reject(new DOMException(m().cancelled, 'AbortError'))));
		try {
			const reading = readPicked();
			// A file that cannot be read (its bytes do not fit in memory) is said at once, not once the engines are up.
			const unreadable = reading.then(() => new Promise<never>(() => {}));
			const [{ browserEngines }, { analyseExports }] = await modules();
			const engines = await Promise.race([browserEngines(), cancelled, unreadable]);
			if (engineState === 'starting') engineState = 'started';
			if (warming) {
				// Cancelling meanwhile ends the engines, and with them the warm-up: do not wait for it then.
				const stopped = warming.stop();
				warming = null;
				await Promise.race([stopped, cancelled, unreadable]);
			}
			engine = engines[0];
			let result = await Promise.race([
				analyseExports(engines, await reading, { choices, sheets, signal, onPhase: (p, f) => ((phase = p), (phaseFile = f)) }),
				cancelled
			]);
			// A mapping remembered from an earlier export with the same headers applies by itself (a date, or a column its values proposed and staff confirmed).
			const recalled = result.ingest.files.filter((f) => !choices[f.file] && !f.error && recallChoice(storage(), f.headers));
			if (recalled.length) {
				for (const f of recalled) choices[f.file] = recallChoice(storage(), f.headers)!;
				result = await Promise.race([analyseExports(engines, await readPicked(), { choices, sheets, signal }), cancelled]);
			}
			analysis = result;
			choice.clear();
			report = null;
			// Every year: the figures the comparison with what is published needs too. Computed while
			// the progress bar still shows, so the dashboard appears with them (and "ready") at once.
			await refresh({ from: result.options.years[0], to: result.options.years.at(-1) }, true);
			if (runner.state === 'error') throw runner.failure;
			phase = null;
			// The dashboard first: the release and its audit (the solver is fetched now) once it is on screen.
			await new Promise((resolve) => setTimeout(resolve));
			if (!signal.aborted && abort?.signal === signal) await Promise.race([choice.start(result.ingest), cancelled]);
		} catch (error) {
			phase = null;
			message = uploadFaultText(
				error,
				picked.map((f) => f.name),
				m()
			);
			// The engines may have ended, or hold part of an export that did not fit: a new drop starts new ones.
			if (engineFault(error)) await endEngines();
		} finally {
			abort = null;
			keep();
		}
	}

	async function cancel() {
		abort?.abort();
		cancels++;
		await endEngines();
	}

	/** Stop the engines' workers, and what they hold; the next drop starts new ones. */
	async function endEngines() {
		warming?.stop();
		warming = null;
		engineState = 'starting';
		engine = null;
		analysis = null;
		choice.clear();
		const { resetBrowserEngine } = await import('$lib/db/browser');
		await resetBrowserEngine();
	}

	async function choose(file: string, headers: string[], chosen: ColumnChoice) {
		const next = { ...choices[file], ...chosen };
		rememberChoice(storage(), headers, next);
		choices[file] = next;
		phase = 'loading';
		await analyse();
	}

	async function chooseSheet(file: string, sheet: string) {
		sheets[file] = sheet;
		// Another sheet has other columns: a mapping chosen for the first does not apply.
		delete choices[file];
		phase = 'reading';
		await analyse();
	}

	async function refresh(next: Filters, compare = false) {
		filters = next;
		if (!engine || !analysis || analysis.ingest.rowsLoaded === 0) return;
		const current = engine;
		const [{ computeIndicators }, { yearFigures }] = await refreshModules();
		await runner.run(async () => {
			const indicators = await computeIndicators(current, next, { groupInScope: true });
			if (compare) comparison = compareYears(published(), await yearFigures(current, indicators));
			return indicators;
		});
	}

	/** The grant report for the dropped data: the same view as /report, on this browser's engine. */
	async function reportOnThis() {
		if (!engine || !analysis) return;
		const current = engine;
		const years = analysis.options.years;
		const { buildReport } = await import('$lib/report');
		report = await buildReport(current, { ...filters, from: filters.from ?? years[0], to: filters.to ?? years.at(-1)! }, settings().country);
	}

	return {
		get phase() {
			return phase;
		},
		get phaseFile() {
			return phaseFile;
		},
		get analysis() {
			return analysis;
		},
		/** Files whose year or date column staff must choose. */
		get needsMapping() {
			return analysis?.ingest.files.filter((f) => f.needsMapping) ?? [];
		},
		get comparison() {
			return comparison;
		},
		get filters() {
			return filters;
		},
		get message() {
			return message;
		},
		get report() {
			return report;
		},
		get engineState() {
			return engineState;
		},
		get offline() {
			return offline;
		},
		/** The release made of the export, and how (against the published one, a revision, a first). */
		choice,
		open,
		pick,
		cancel,
		choose,
		chooseSheet,
		refresh,
		reportOnThis
	};
}
