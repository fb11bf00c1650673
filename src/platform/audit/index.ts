export {
  type Actor,
  type AuditEntry,
  type AuditHead,
  type AuditRecord,
  auditChainedParts,
  auditHeadCall,
  auditParts,
  chainAuditRecords,
  chainPrepared,
  escapeLike,
  listAudit,
  type PreparedAuditRecord,
  prepareAuditRecords,
  recordAudit,
  recordAuditMany,
  SYSTEM_ACTOR,
  verifyAuditChain,
} from './audit.service.js';
export { auditLog } from './audit.tables.js';
export { auditHash, checkChain, GENESIS_HASH } from './audit-chain.js';
