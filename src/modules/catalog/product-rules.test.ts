import { describe, expect, it } from 'vitest';
import type { ProductView } from './catalog.schemas.js';
import { changedProductFields, firstDuplicate } from './product-rules.js';

describe('firstDuplicate', () => {
  it('finds the index of the first repeat', () => {
    expect(firstDuplicate([])).toBeNull();
    expect(firstDuplicate(['a', 'b', 'c'])).toBeNull();
    expect(firstDuplicate(['a', 'b', 'a', 'b'])).toBe(2);
  });
});

const product: ProductView = {
  id: 'prd_1',
  code: 'P1',
  name: '赣南脐橙',
  categoryId: 'cat_1',
  categoryName: '生鲜水果',
  unit: '箱',
  description: '',
  images: ['https://img.example.com/a.jpg'],
  supplier: '赣州果园',
  status: 'draft',
  createdAt: '2026-03-01T08:00:00.000Z',
  updatedAt: '2026-03-01T08:00:00.000Z',
  skus: [],
};

describe('changedProductFields', () => {
  it('ignores fields that repeat the current value', () => {
    expect(
      changedProductFields(product, {
        code: 'P1',
        name: ' 赣南脐橙 ',
        categoryId: 'cat_1',
        images: ['https://img.example.com/a.jpg'],
        supplier: '赣州果园',
      }),
    ).toEqual([]);
  });

  it('lists each changed field, including clearing the category', () => {
    expect(
      changedProductFields(product, {
        name: '脐橙',
        categoryId: null,
        unit: '袋',
        images: [],
        description: '甜',
      }),
    ).toEqual(['name', 'categoryId', 'unit', 'description', 'images']);
  });
});
