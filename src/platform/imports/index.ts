/** The xlsx import machinery every module's import uses: sheet reading and layout, and the job runner. */
export {
  CHUNK_ROWS,
  chunkByRows,
  getImportJob,
  type ImportChunk,
  type ImportJobSpec,
  type ImportJobView,
  type ImportMode,
  type ImportPlanOutcome,
  type ImportStatus,
  importJobSettled,
  MAX_STORED_ERRORS,
  type RowError,
  startImportJob,
} from './import-job.js';
export {
  addDataSheet,
  addInstructionsSheet,
  type Cell,
  cellToPrimitive,
  columnOfHeader,
  headerText,
  type ImportColumn,
  readImportRows,
  type SheetProblems,
  type SheetRows,
} from './import-sheet.js';
