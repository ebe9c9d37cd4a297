/**
 * The public shapes of a load: the files given, the options, and what is reported of each file.
 * Shared by the stages (read-file, normalise-file) and load-export, which re-exports them.
 */
import type { Field } from '$lib/types';
import type { ColumnMapping } from '$lib/normalise/fields';
import type { ProblemReport } from './problems';
import type { SheetPlace } from './sheet-text';
import type { KeyField } from './key-fields';
import type { FieldDoubt } from './field-doubts';

export type { ProblemReport };

export interface ExportFile {
	name: string;
	bytes: Uint8Array;
	/**
	 * The bytes again, when they can be read again (a browser File): the engine then takes `bytes`
	 * without copying them (117 MB less to copy and hold for a 1M-row export), and line numbers
	 * are counted in a fresh read, only when there are problems to show.
	 */
	reread?: () => Promise<Uint8Array>;
}

/** A user's answer to "which column is which", by column index. */
export type ColumnChoice = Partial<Record<Field, number>>;

export interface FileReport {
	file: string;
	encoding?: string;
	delimiter?: string;
	/** Set when the file could not be read at all; nothing of it was loaded. */
	error?: string;
	/** Set when no year/date column was recognised: the user must say which column it is. */
	needsMapping?: boolean;
	headers: string[];
	/** The header's line in the file's text (1-based; a sheet's row is found with sheet-text's cellOf). */
	headerLine?: number;
	columns: ColumnMapping[];
	/** The person's id and the year or date: recognised, guessed from values, or missing (key-fields.ts). */
	keyFields?: KeyField[];
	/**
	 * Fields read by a header whose column's values mostly do not read as that field (field-doubts.ts),
	 * each with the column whose values fit it, where one is open. Absent when there are none.
	 */
	fieldDoubts?: FieldDoubt[];
	/** The header of the column each field was read from (what staff find in their spreadsheet). */
	fieldColumns?: Partial<Record<Field, string>>;
	rowsRead: number;
	rowsLoaded: number;
	rowsRejected: number;
	problems: ProblemReport[];
	/** A workbook's sheet, or a Parquet file: where each line of its CSV text came from. */
	sheet?: SheetPlace;
}

export type Phase = 'reading' | 'decoding' | 'loading' | 'checking';
export interface LoadOptions {
	choices?: Record<string, ColumnChoice>;
	/** The sheet to read, by file, when a workbook has several with data (default: the first). */
	sheets?: Record<string, string>;
	/** With several engines, a file larger than this is read in parts, one per engine (default 4 MB). */
	partBytes?: number;
	onPhase?: (phase: Phase, file: string) => void;
	/** Checked between steps: cancelling a large load. */
	signal?: AbortSignal;
	/**
	 * The day the export was made (yyyy-mm-dd): a registration year or date after it is rejected,
	 * like one before 1950. The build gives the settings' exportDate, /upload today's date.
	 */
	exportDate?: string;
}
