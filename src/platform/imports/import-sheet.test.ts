import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { cellToPrimitive } from './import-sheet.js';

describe('cellToPrimitive', () => {
  it('drops NUL characters from text, plain or rich, and leaves other text alone', () => {
    expect(cellToPrimitive('赣南\u0000脐橙')).toBe('赣南脐橙');
    expect(cellToPrimitive({ richText: [{ text: 'a\u0000' }, { text: 'b' }] })).toBe('ab');
    expect(cellToPrimitive({ formula: 'A1', result: 'x\u0000y' })).toBe('xy');
    expect(cellToPrimitive('plain 文本')).toBe('plain 文本');
    expect(cellToPrimitive(12.5)).toBe(12.5);
  });

  it('drops the NUL a workbook carries as _x0000_ (exceljs decodes it on reading)', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('s').addRow(['名称_x0000_A']);
    const read = new ExcelJS.Workbook();
    await read.xlsx.load(await wb.xlsx.writeBuffer());
    const value = read.worksheets[0]?.getRow(1).getCell(1).value;
    expect(String(value)).toContain('\u0000');
    expect(cellToPrimitive(value)).toBe('名称A');
  });
});
