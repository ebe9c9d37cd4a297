/** The URL of the workbook reader's worker (bundled by Vite): to start it, and to keep it for offline use. */
export const workbookWorkerUrl = (): Promise<string> => import('./workbook-worker.ts?worker&url').then((m) => m.default);
