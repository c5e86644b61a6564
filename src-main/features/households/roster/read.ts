import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { AppError } from '../../../ipc/errors';
import { toCell, type Cell } from './cells';

/** One row of one sheet, as kinds of cells (index 0 = column A). */
export interface SheetRow { sheet: string; row: number; cells: Cell[] }

function badFile(name: string, why: string): AppError {
  return new AppError('BAD_FILE', `无法读取文件“${name}”：${why}`, { file: name });
}

/** Refuses what is not an .xlsx before the zip reader sees it, with a hint an office can act on. */
function checkSignature(file: string, name: string) {
  const fd = fs.openSync(file, 'r');
  const head = Buffer.alloc(8);
  const n = fs.readSync(fd, head, 0, 8, 0);
  fs.closeSync(fd);
  if (n === 0) throw badFile(name, '文件是空的');
  if (head.readUInt32BE(0) === 0xd0cf11e0) {
    throw badFile(name, '这是旧版 .xls（或 WPS .et）格式，请在 WPS 或 Excel 中“另存为”Excel 工作簿（.xlsx）后再导入');
  }
  if (head.readUInt32BE(0) !== 0x504b0304) throw badFile(name, '不是 Excel 工作簿（.xlsx）文件，或文件已损坏');
}

/**
 * Streams every row of every sheet with exceljs's WorkbookReader, so a 50,000-row roster never sits in memory.
 * Styles are not read: date cells arrive as Excel serial numbers, which the cell parsers understand.
 */
export async function* readRows(file: string, name: string): AsyncGenerator<SheetRow> {
  checkSignature(file, name);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, {
    sharedStrings: 'cache', styles: 'ignore', hyperlinks: 'ignore', worksheets: 'emit', entries: 'emit',
  } as ExcelJS.stream.xlsx.WorkbookStreamReaderOptions);
  try {
    for await (const ws of reader) {
      const sheet = (ws as unknown as { name: string }).name;
      for await (const row of ws as AsyncIterable<ExcelJS.Row>) {
        const values = row.values as unknown[];
        const cells: Cell[] = [];
        for (let c = 1; c < values.length; c++) cells.push(toCell(values[c]));
        yield { sheet, row: row.number, cells };
      }
    }
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw badFile(name, `文件内容无法解析（${(e as Error).message?.slice(0, 80) ?? '格式异常'}）。文件可能已损坏，或由 WPS 以不兼容方式保存：请用 WPS/Excel 打开后“另存为”.xlsx 再试`);
  }
}
