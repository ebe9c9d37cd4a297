/** What staff may drop on /upload or put in data/: CSV and text exports, workbooks, Parquet. */
export const EXPORT_EXTENSIONS = ['.csv', '.tsv', '.txt', '.xlsx', '.xls', '.ods', '.parquet'];
