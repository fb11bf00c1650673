export {
  type Actor,
  type AuditEntry,
  type AuditHead,
  type AuditRecord,
  auditHeadCall,
  auditParts,
  chainAuditRecords,
  escapeLike,
  listAudit,
  recordAudit,
  recordAuditMany,
  SYSTEM_ACTOR,
  verifyAuditChain,
} from './audit.service.js';
export { auditLog } from './audit.tables.js';
export { auditHash, checkChain, GENESIS_HASH } from './audit-chain.js';
