/** Whether an export was counted row by row: no column holds a person's id, and none holds counts (a table of people already counted). */
import type { FileReport } from './types';

export const countedByRow = (f: FileReport): boolean => !f.error && !f.needsMapping && f.rowsLoaded > 0 && !f.fieldColumns?.id && !f.fieldColumns?.count;
