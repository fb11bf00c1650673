export {
  type Actor,
  type AuditEntry,
  type AuditHead,
  type AuditRecord,
  type AuditVerification,
  auditChainedParts,
  auditHeadCall,
  auditParts,
  chainAuditRecords,
  chainPrepared,
  escapeLike,
  keyedFromSeq,
  listAudit,
  type PreparedAuditRecord,
  prepareAuditRecords,
  recordAudit,
  recordAuditMany,
  SYSTEM_ACTOR,
  verifyAuditChain,
} from './audit.service.js';
export { auditLog } from './audit.tables.js';
export {
  type AuditContent,
  auditHash,
  auditHashOf,
  type ChainKeying,
  checkChain,
  GENESIS_HASH,
} from './audit-chain.js';
export { type AuditCheckpoint, parseCheckpoints, type Truncation } from './audit-checkpoint.js';
export {
  checkpointFilePath,
  readCheckpointFile,
  verifyAndCheckpoint,
  writeAuditCheckpoint,
} from './audit-checkpoint-file.js';
export { AuditKey, installAuditKey, installedAuditKey } from './audit-key.js';
export { auditKeyFilePath, loadAuditKey } from './audit-key-file.js';
