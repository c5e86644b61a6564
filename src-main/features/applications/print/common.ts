import type Database from 'better-sqlite3';
import type { Content } from 'pdfmake/interfaces';
import { dataTable, type Column } from '../../../print/layout';
import { cnDate as printDate } from '../../../print/format';
import { getTownship } from '../../settings/store';
import { getApplication, stepRows, type StepRow } from '../cases';
import { householdState } from '../household';

export const yuan = (fen: number | null | undefined) => (fen == null ? '' : (fen / 100).toFixed(2).replace(/\.00$/, ''));
/** The shared print date (2024年3月4日, 2024年3月), or blanks to write the date in by hand on the paper. */
export const cnDate = (iso: string | null | undefined) => (iso ? printDate(iso) : '____年__月__日');
export const township = (sqlite: Database.Database) => getTownship(sqlite)?.name ?? '';
export const county = (sqlite: Database.Database) => getTownship(sqlite)?.county ?? '';

/** Everything a paper about one application prints: the case, its household, members and steps. */
export function paperData(sqlite: Database.Database, applicationId: number) {
  const app = getApplication(sqlite, applicationId);
  const household = householdState(sqlite, app.household_id);
  const members = sqlite.prepare(`SELECT name, relation, sex, birth_date AS birthDate, id_number AS idNumber, health, labour_capacity AS labour,
      employment, school FROM members WHERE household_id = ? AND state = '在户' ORDER BY id`).all(app.household_id) as
    { name: string; relation: string; sex: string; birthDate: string; idNumber: string; health: string; labour: string; employment: string; school: string }[];
  const steps = stepRows(sqlite, app.id);
  const last = (kind: StepRow['kind']) => steps.filter((s) => s.kind === kind).at(-1) ?? null;
  return { app, household, members, steps, last, township: township(sqlite), county: county(sqlite) };
}
export type PaperData = ReturnType<typeof paperData>;

export const payloadOf = (s: StepRow | null) => (s ? JSON.parse(s.payload) as Record<string, unknown> : {});

const MEMBER_COLUMNS: Column[] = [
  { header: '姓名', width: 48 }, { header: '与户主关系', width: 44, align: 'center' }, { header: '性别', width: 24, align: 'center' },
  { header: '身份证号', width: 112 }, { header: '健康状况', width: 48 }, { header: '劳动能力', width: 44 }, { header: '就业/就学', width: '*' },
];

export function memberTable(d: PaperData): Content {
  return dataTable(MEMBER_COLUMNS, d.members.map((m) => [m.name, m.relation, m.sex, m.idNumber, m.health, m.labour,
    [m.employment, m.school].filter(Boolean).join('、')]), { fontSize: 9.5 });
}

/** A two-column label/value grid. */
export function factsGrid(rows: [string, string][]): Content {
  return {
    table: { widths: [90, '*'], body: rows.map(([k, v]) => [{ text: k, bold: true }, { text: v || ' ' }]) },
    layout: { hLineWidth: () => 0.6, vLineWidth: () => 0.6, paddingTop: () => 4, paddingBottom: () => 4 },
    margin: [0, 0, 0, 8],
  };
}

export const para = (text: string): Content => ({ text, margin: [0, 0, 0, 8], leadingIndent: 24, lineHeight: 1.5 });
export const section = (text: string): Content => ({ text, bold: true, fontSize: 13, margin: [0, 8, 0, 6] });
