import { formatLocalDateTime } from '../../../platform/business-time.js';
import type { ExportColumn } from '../../../platform/http/xlsx-export.js';
import type { LeaderListItem } from '../leaders-console.queries.js';

/** Leaders read per page while the export streams. */
export const LEADER_EXPORT_PAGE = 2_000;

const STATUS_ZH = { active: '正常', suspended: '已停用' } as const;

/**
 * The leaders export (团长导出): what the list shows, Chinese headers with English beside them; phones
 * stay masked; times on the business clock (`tz`).
 */
export function leaderExportColumns(tz: string): readonly ExportColumn<LeaderListItem>[] {
  return [
    { header: '团长码 Code', width: 10, value: (r) => r.code },
    { header: '姓名 Name', width: 22, value: (r) => r.name },
    { header: '手机号 Phone', width: 14, value: (r) => r.phoneMasked },
    { header: '区域 Region', width: 14, value: (r) => r.regionName ?? '' },
    { header: '状态 Status', width: 10, value: (r) => STATUS_ZH[r.status] },
    { header: '推荐人团长码 Referrer code', width: 14, value: (r) => r.referrerCode ?? '' },
    { header: '推荐人 Referrer', width: 22, value: (r) => r.referrerName ?? '' },
    { header: '自提点 Pickup points', width: 12, value: (r) => r.pickupPointCount },
    { header: '营业中自提点 Open points', width: 12, value: (r) => r.activePickupPointCount },
    { header: `创建时间 Created (${tz})`, width: 20, value: (r) => formatLocalDateTime(r.createdAt, tz) },
  ];
}
