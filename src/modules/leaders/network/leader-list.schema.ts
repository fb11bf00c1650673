import { Type } from 'typebox';
import { LeaderStatusSchema } from '../leaders.schema.js';

/** The leaders list's filters (团长列表筛选), shared by the list and its xlsx export. */
export const LeaderListFilter = Type.Object({
  regionId: Type.Optional(Type.String({ maxLength: 64, description: 'this region and below' })),
  status: Type.Optional(LeaderStatusSchema),
  q: Type.Optional(Type.String({ maxLength: 64, description: 'name or code contains, or a full phone' })),
  referrerId: Type.Optional(
    Type.String({ minLength: 1, maxLength: 64, description: 'direct recruits of this leader (直推)' }),
  ),
  levelId: Type.Optional(
    Type.String({ minLength: 1, maxLength: 64, description: 'leaders at this level (团长等级)' }),
  ),
});
