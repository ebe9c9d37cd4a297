/**
 * Raw cell text → contract value, or the fallback plus a reason — like Plot's keyword(): loose
 * input, a precise message. They run once per DISTINCT value of a column (the bulk load is
 * DuckDB's), so they favour clarity; each is still linear in the length of its input.
 *
 * Each field's reader is a file of its own in readers/ (as Plot keeps one mark per file), on what
 * they share (readers/common.ts: blanks, placeholders, how a value is quoted in a problem).
 */
export type { Normalised } from './readers/common';
export { normaliseYear } from './readers/year';
export { normaliseDate } from './readers/date';
export { normaliseSex } from './readers/sex';
export { normaliseAge } from './readers/age';
export { normaliseMajority } from './readers/majority';
export { normaliseExploitation, normaliseFlag, exploitationOfFlags } from './readers/exploitation';
export { normaliseNationality } from './readers/nationality';
export { normaliseDisability } from './readers/disability';
export { normaliseWg, wgDisability, type WgAnswer } from './readers/wg';
export { normaliseCount } from './readers/count';
export { normaliseText } from './readers/text';
