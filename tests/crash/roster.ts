import ExcelJS from 'exceljs';
import { makeIdNumber } from '../../src-main/domain/idNumber';

/**
 * A large clean roster (households x 1–3 members) in new villages, so the import is one long transaction.
 * Region 510903 and birth dates from 1931 keep its ID numbers apart from the demo township's.
 */
export async function largeRoster(file: string, households: number): Promise<{ households: number; members: number }> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file });
  const ws = wb.addWorksheet('低保花名册');
  ws.addRow(['序号', '户主姓名', '姓名', '公民身份号码', '与户主关系', '家庭人口', '保障人口数', '村(居)', '村民小组', '保障类别', '保障金额（元）', '起始保障年月']).commit();
  let members = 0;
  for (let i = 0; i < households; i++) {
    const born = new Date(Date.UTC(1931, 0, 1 + i)).toISOString().slice(0, 10);
    const size = 1 + (i % 3);
    const head = `户主${i}`;
    for (let m = 0; m < size; m++) {
      const id = makeIdNumber('510903', born, 100 + m * 2, m !== 1);
      const relation = m === 0 ? '户主' : m === 1 ? '配偶' : '长子';
      ws.addRow(m === 0
        ? [i + 1, head, head, id, relation, size, size, `崩溃村${i % 7}`, `${1 + (i % 4)}组`, '农村低保', 300 + (i % 5) * 10, '2024-01']
        : [null, null, `成员${i}-${m}`, id, relation]).commit();
      members++;
    }
  }
  await wb.commit();
  return { households, members };
}
