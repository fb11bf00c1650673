import { categories, createProductTx, type NewProductInput } from '../modules/catalog/index.js';
import { SYSTEM_ACTOR } from '../platform/audit/index.js';
import type { Tx } from '../platform/db/database.js';
import type { Deps } from '../platform/deps.js';
import { newId } from '../platform/ids.js';

const CATEGORIES = [
  { code: 'FRESH', name: '生鲜水果', sortOrder: 1 },
  { code: 'GRAIN', name: '粮油米面', sortOrder: 2 },
  { code: 'DAILY', name: '日用百货', sortOrder: 3 },
] as const;

type CategoryCode = (typeof CATEGORIES)[number]['code'];
type DemoProduct = Omit<NewProductInput, 'categoryId'> & { category: CategoryCode };

const img = (name: string) => `https://img.tuanflow.example/demo/${name}.jpg`;

/** Prices as a community group-buying operator in Hangzhou would list them (fen). */
const PRODUCTS: DemoProduct[] = [
  {
    code: 'GN-QC',
    name: '赣南脐橙',
    category: 'FRESH',
    unit: '箱',
    supplier: '赣州信丰果业合作社',
    status: 'on_sale',
    images: [img('gannan-orange')],
    description: '江西赣州产地直发，果径 70-80mm，酸甜多汁。',
    skus: [
      { code: 'GN-QC-5J', spec: '5斤装', listPriceFen: 2990, costPriceFen: 1850, barcode: '6971234500015' },
      { code: 'GN-QC-10J', spec: '10斤装', listPriceFen: 4990, costPriceFen: 3300, barcode: '6971234500022' },
    ],
  },
  {
    code: 'YN-LZ',
    name: '云南沃柑',
    category: 'FRESH',
    unit: '箱',
    supplier: '云南华宁柑橘基地',
    status: 'on_sale',
    images: [img('wogan')],
    skus: [
      { code: 'YN-LZ-3J', spec: '3斤装', listPriceFen: 1990, costPriceFen: 1200 },
      { code: 'YN-LZ-9J', spec: '9斤装', listPriceFen: 4590, costPriceFen: 3000 },
    ],
  },
  {
    code: 'TJD',
    name: '农家土鸡蛋',
    category: 'FRESH',
    unit: '盒',
    supplier: '临安山里人家养殖场',
    status: 'on_sale',
    images: [img('eggs')],
    skus: [
      { code: 'TJD-30', spec: '30枚', listPriceFen: 3590, costPriceFen: 2400, barcode: '6971234500039' },
      { code: 'TJD-60', spec: '60枚', listPriceFen: 6800, costPriceFen: 4600 },
    ],
  },
  {
    code: 'DB-DM',
    name: '东北五常大米',
    category: 'GRAIN',
    unit: '袋',
    supplier: '五常市稻花香米业',
    status: 'on_sale',
    images: [img('rice')],
    description: '当季新米，稻花香 2 号。',
    skus: [
      { code: 'DB-DM-5KG', spec: '5kg', listPriceFen: 5990, costPriceFen: 4100, barcode: '6971234500046' },
      { code: 'DB-DM-10KG', spec: '10kg', listPriceFen: 10900, costPriceFen: 7900 },
    ],
  },
  {
    code: 'JLY-HSY',
    name: '压榨花生油',
    category: 'GRAIN',
    unit: '桶',
    supplier: '山东鲁花经销商',
    status: 'on_sale',
    images: [img('peanut-oil')],
    skus: [
      { code: 'JLY-HSY-1.8L', spec: '1.8L', listPriceFen: 4290, costPriceFen: 3350 },
      { code: 'JLY-HSY-5L', spec: '5L', listPriceFen: 10990, costPriceFen: 8700, barcode: '6971234500053' },
    ],
  },
  {
    code: 'SGM',
    name: '手工挂面',
    category: 'GRAIN',
    unit: '袋',
    supplier: '河南原阳面业',
    status: 'draft',
    images: [],
    skus: [{ code: 'SGM-1KG', spec: '1kg', listPriceFen: 1290, costPriceFen: 780 }],
  },
  {
    code: 'CZ-JZ',
    name: '抽纸',
    category: 'DAILY',
    unit: '提',
    supplier: '杭州日化批发',
    status: 'on_sale',
    images: [img('tissue')],
    skus: [
      { code: 'CZ-JZ-6', spec: '6包', listPriceFen: 1590, costPriceFen: 990 },
      { code: 'CZ-JZ-12', spec: '12包', listPriceFen: 2890, costPriceFen: 1880 },
      { code: 'CZ-JZ-24', spec: '24包', listPriceFen: 5290, costPriceFen: 3600, barcode: '6971234500060' },
    ],
  },
  {
    code: 'XYY',
    name: '洗衣液',
    category: 'DAILY',
    unit: '瓶',
    supplier: '杭州日化批发',
    status: 'off_sale',
    images: [img('detergent')],
    skus: [{ code: 'XYY-3KG', spec: '3kg', listPriceFen: 3990, costPriceFen: 2700 }],
  },
];

/**
 * Demo catalog for an empty database: three categories and eight products with their SKUs, written
 * through the same use-case as the API (so they are audited and published like any other). Returns
 * the SKU ids by SKU code for the inventory and campaign seeds.
 */
export async function seedCatalogDemo(deps: Deps, tx: Tx): Promise<{ skuIds: Record<string, string> }> {
  const now = deps.clock.now();
  const categoryIds = new Map<CategoryCode, string>();
  for (const c of CATEGORIES) {
    const id = newId('category');
    categoryIds.set(c.code, id);
    await tx.insert(categories).values({ id, ...c, parentId: null, createdAt: now });
  }
  const skuIds: Record<string, string> = {};
  for (const { category, ...p } of PRODUCTS) {
    const product = await createProductTx(deps, tx, SYSTEM_ACTOR, {
      ...p,
      categoryId: categoryIds.get(category),
    });
    for (const s of product.skus) skuIds[s.code] = s.id;
  }
  return { skuIds };
}
