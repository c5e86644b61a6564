import type { Category } from '../../../domain/glossary';
import { parseIdNumber } from '../../../domain/idNumber';
import { cellText, isHeadRelation, isNoteRow, isTotalRow, nfkc, normalizeGroup, parseCategory, parseCount, parseDisabilityGrade, parseHealth,
  parseLabour, parseMonth, parseRelation, parseYuan, type Cell, type Parsed } from './cells';
import { columnLetter, fieldForHeader, knownFields, looksLikeHeader, normalizeHeader, ROSTER_FIELDS, type RosterField } from './headers';
import type { SheetRow } from './read';

/**
 * Turns streamed roster rows into planned households, collecting EVERY problem with sheet, row, column and a
 * Chinese reason. Pure: the database is consulted later (resolve.ts).
 */
export interface Problem { level: 'error' | 'warning'; sheet: string; row: number | null; column: string; reason: string }
export interface ColumnInfo { column: string; header: string; field: RosterField | null }
/**
 * level: 'member' = one row per person; 'household' = one row per household (户主姓名 + 户主身份证号, or the app's own
 * 花名册 household sheet), whose other members come from a member sheet of the same file or are added later.
 */
export interface SheetInfo {
  name: string; headerRow: number | null; headerRows: number; level: 'member' | 'household'; columns: ColumnInfo[];
  dataRows: number; blankRows: number; totalRows: number; noteRows: number;
}
/** A footer or note line (signatures, 填报日期, 备注, 说明) that was recognised as not data and skipped. */
export interface SkippedRow { sheet: string; row: number; text: string }
export interface PlannedMember {
  sheet: string; row: number; name: string; idNumber: string; sex: string; birthDate: string; relation: string; isHead: boolean;
  health: string; disabilityType: string; disabilityGrade: number | null; labourCapacity: string; phone: string;
  /** The name's pinyin (domain/pinyin), filled in the worker for the households to write. */
  pinyin?: { initials: string; full: string };
}
export interface PlannedHousehold {
  sheet: string; row: number; headName: string; village: string; group: string; category: Category | null; monthlyFen: number;
  topUpFen: number; startMonth: string | null; certificateNo: string; causes: string[]; bankName: string; bankAccount: string;
  address: string; familySize: number | null; coveredSize: number | null; members: PlannedMember[];
}
export interface RosterOptions { mapping?: Record<string, string>; defaultCategory?: Category }

type Fields = Partial<Record<RosterField, { cell: Cell; column: string }>>;

export class RosterPlanner {
  readonly sheets: SheetInfo[] = [];
  readonly problems: Problem[] = [];
  households: PlannedHousehold[] = [];
  readonly skipped: SkippedRow[] = [];
  private byKey = new Map<string, PlannedHousehold>();
  private idsSeen = new Map<string, { where: string; hh: PlannedHousehold; householdLevel: boolean }>();
  /** Member-sheet households completing a household-sheet household of the same file (the app's own 花名册). */
  private completes = new Map<PlannedHousehold, PlannedHousehold>();
  private completed = new Set<PlannedHousehold>();
  private prevRow: SheetRow | null = null;
  private sheetVillage: string | null = null;
  private sheet: SheetInfo | null = null;
  private cols: { index: number; field: RosterField; column: string }[] = [];
  private titleText: string[] = [];
  private subHeaderPending = false;
  private current: PlannedHousehold | null = null;
  private lastKey = '';
  private sheetCategory: Category | null = null;

  constructor(private opts: RosterOptions = {}) {}

  add(r: SheetRow) {
    if (this.sheet?.name !== r.sheet) this.startSheet(r.sheet);
    const s = this.sheet!;
    if (s.headerRow === null) return this.tryHeader(r);
    if (this.subHeaderPending) { this.subHeaderPending = false; if (this.trySubHeader(r)) return; }
    const texts = r.cells.map(cellText);
    if (texts.every((t) => !t)) { s.blankRows++; return; }
    if (isTotalRow(texts)) { s.totalRows++; return; }
    if (this.isRepeatedHeader(r)) return;
    if (isNoteRow(texts)) {
      s.noteRows++;
      this.skipped.push({ sheet: r.sheet, row: r.row, text: texts.filter(Boolean).join(' ').slice(0, 100) });
      return;
    }
    s.dataRows++;
    this.dataRow(r);
  }

  /** Printed rosters repeat the header on every page; the ID column then holds a header word, not a number. */
  private isRepeatedHeader(r: SheetRow): boolean {
    const idCol = this.cols.find((c) => c.field === 'idNumber');
    const cell = idCol ? r.cells[idCol.index] : undefined;
    return cell?.kind === 'text' && fieldForHeader(cell.text) === 'idNumber';
  }

  private startSheet(name: string) {
    this.finishSheet();
    this.sheet = { name, headerRow: null, headerRows: 1, level: 'member', columns: [], dataRows: 0, blankRows: 0, totalRows: 0, noteRows: 0 };
    this.sheets.push(this.sheet);
    this.cols = []; this.titleText = []; this.current = null; this.lastKey = ''; this.sheetCategory = null;
    this.prevRow = null; this.sheetVillage = null;
  }

  private mapped(header: string): RosterField | null {
    const m = this.opts.mapping?.[header];
    if (m !== undefined) return m === '' ? null : (m in ROSTER_FIELDS ? m as RosterField : null);
    return fieldForHeader(header);
  }

  /**
   * The header is one row, or two (merged cells): fields may sit in either row, e.g. 村, 组, 户主姓名 and 月保障金
   * merged over both rows and 姓名 | 身份证号 | 与户主关系 under 家庭成员情况. The two rows are combined when that
   * finds more fields than the lower row alone.
   */
  private tryHeader(r: SheetRow) {
    const one = r.cells.map((c, i) => ({ column: columnLetter(i), header: cellText(c), field: c.kind === 'text' ? this.mapped(c.text) : null }));
    const prev = this.prevRow?.row === r.row - 1 ? this.prevRow : null;
    const two = prev ? this.combineHeader(prev.cells, r.cells) : null;
    const fieldsOf = (cs: ColumnInfo[]) => cs.map((c) => c.field);
    const useTwo = !!two && looksLikeHeader(fieldsOf(two)) && knownFields(fieldsOf(two)) > knownFields(fieldsOf(one));
    if (!useTwo && !looksLikeHeader(fieldsOf(one)) && !this.forcedHeader(r)) {
      this.titleText.push(...r.cells.map(cellText));
      this.prevRow = r;
      return;
    }
    const s = this.sheet!;
    s.headerRow = useTwo ? prev!.row : r.row;
    s.headerRows = useTwo ? 2 : 1;
    s.columns = useTwo ? two! : one;
    this.householdLevel();
    this.rebuildCols();
    this.sheetCategory = parseCategory(this.titleText.find((t) => parseCategory(t.replace(/花名册|名册|台账|明细/g, ''))) ?? '');
    this.sheetVillage = this.has('village') ? null : villageOfSheet(s.name, this.titleText);
    this.subHeaderPending = !useTwo;
  }

  private combineHeader(upper: Cell[], lower: Cell[]): ColumnInfo[] {
    const out: ColumnInfo[] = [];
    let parent = '';
    let prevLower = false;
    for (let i = 0; i < Math.max(upper.length, lower.length); i++) {
      const up = upper[i] ? cellText(upper[i]) : '';
      const lo = lower[i] ? cellText(lower[i]) : '';
      // A horizontally merged parent (家庭成员情况 over 姓名 | 身份证号) leaves the upper cells to its right empty.
      if (up) parent = up; else if (!(lo && prevLower)) parent = '';
      prevLower = !!lo;
      const header = parent && lo ? `${parent}/${lo}` : lo || up;
      const forced = this.opts.mapping?.[header];
      const field = forced !== undefined ? this.mapped(header)
        : lo ? fieldForHeader(normalizeHeader(parent).replace(/情况$/, '') + normalizeHeader(lo)) ?? this.mapped(lo) : up ? this.mapped(up) : null;
      out.push({ column: columnLetter(i), header, field });
    }
    return out;
  }

  /** 户主姓名 + 户主身份证号 (no 姓名 column): one row per household, the ID is the head's. */
  private householdLevel() {
    const s = this.sheet!;
    const fields = s.columns.map((c) => c.field);
    if (fields.includes('name')) return;
    if (!fields.includes('idNumber')) {
      const i = fields.indexOf('headIdNumber');
      if (i >= 0) s.columns[i] = { ...s.columns[i], field: 'idNumber' };
    }
    if (s.columns.some((c) => c.field === 'idNumber') && fields.includes('headName')) s.level = 'household';
  }

  /** A manual mapping makes its row the header even when automatic detection would not. */
  private forcedHeader(r: SheetRow): boolean {
    if (!this.opts.mapping) return false;
    return r.cells.filter((c) => c.kind === 'text' && this.opts.mapping![c.text] === 'idNumber').length > 0;
  }

  /** Two-row headers ("残疾情况" over "类别 | 等级"): the sub-row fills or refines the columns. */
  private trySubHeader(r: SheetRow): boolean {
    const cols = this.sheet!.columns;
    if (r.cells.some((c) => c.kind === 'number' || (c.kind === 'text' && /\d{6,}/.test(c.text)))) return false;
    let parent = '';
    const refined = r.cells.map((c, i) => {
      parent = cols[i]?.header || parent;
      if (c.kind !== 'text') return null;
      const combined = normalizeHeader(parent).replace(/情况$/, '') + normalizeHeader(c.text);
      return fieldForHeader(combined) ?? this.mapped(c.text);
    });
    if (refined.filter(Boolean).length < 2) return false;
    refined.forEach((f, i) => {
      if (!f) return;
      cols[i] ??= { column: columnLetter(i), header: '', field: null };
      cols[i] = { ...cols[i], header: `${cols[i].header || parent}/${cellText(r.cells[i])}`.replace(/^\//, ''), field: f };
    });
    this.rebuildCols();
    return true;
  }

  private rebuildCols() {
    const seen = new Set<RosterField>();
    this.cols = [];
    this.sheet!.columns.forEach((c, index) => {
      if (!c.field || c.field === 'ignore') return;
      if (seen.has(c.field)) {
        this.warn(null, c, `与前面的列都对应“${ROSTER_FIELDS[c.field].label}”，本列未导入（可在“列对应”中调整）`);
        return;
      }
      seen.add(c.field);
      this.cols.push({ index, field: c.field, column: c.column });
    });
  }

  private has(f: RosterField) { return this.cols.some((c) => c.field === f); }

  private dataRow(r: SheetRow) {
    const f: Fields = {};
    for (const c of this.cols) f[c.field] = { cell: r.cells[c.index] ?? { kind: 'empty' }, column: `${c.column}列（${this.sheet!.columns[c.index].header}）` };
    const text = (k: RosterField) => (f[k] ? cellText(f[k]!.cell) : '');
    const hh = this.householdFor(r, f, text);
    if (!hh) return;
    this.fillHousehold(r, hh, f, text);
    this.addMember(r, hh, f, text);
  }

  private householdFor(r: SheetRow, f: Fields, text: (k: RosterField) => string): PlannedHousehold | null {
    const keyField = this.has('householdNo') ? 'householdNo' : this.has('headIdNumber') ? 'headIdNumber' : null;
    if (keyField) {
      const v = text(keyField).replace(/\s/g, '').toUpperCase() || this.lastKey;
      if (!v) { this.error(r, f[keyField]!.column, `${ROSTER_FIELDS[keyField].label}为空，无法判断属于哪一户`); return null; }
      this.lastKey = v;
      return this.householdByKey(`${keyField}:${v}`, r, text('headName'));
    }
    const rel = text('relation');
    const head = text('headName');
    const cur = this.current;
    let startsNew: boolean;
    // A head listed after a member of the same 户主姓名 (the head changed, rows kept in member order) joins that household.
    const headJoins = !!cur && !!head && head === cur.headName && !cur.members.some((m) => m.isHead);
    if (this.has('relation')) startsNew = (isHeadRelation(rel) && !headJoins) || (!!head && head !== cur?.headName) || (!cur && !rel);
    else if (this.has('headName') && this.has('name')) startsNew = !cur || (!!head && head !== cur.headName);
    else startsNew = true;
    if (!startsNew) {
      if (cur) return cur;
      this.error(r, f.relation!.column, `本行与户主关系为“${rel}”，但前面没有户主行，无法判断属于哪一户`);
      return null;
    }
    this.current = this.newHousehold(r, head || (isHeadRelation(rel) ? text('name') : ''));
    this.households.push(this.current);
    return this.current;
  }

  private householdByKey(key: string, r: SheetRow, head: string): PlannedHousehold {
    let hh = this.byKey.get(key);
    if (!hh) { hh = this.newHousehold(r, head); this.byKey.set(key, hh); this.households.push(hh); }
    return hh;
  }

  private newHousehold(r: SheetRow, headName: string): PlannedHousehold {
    return { sheet: r.sheet, row: r.row, headName, village: '', group: '', category: null, monthlyFen: 0, topUpFen: 0, startMonth: null,
      certificateNo: '', causes: [], bankName: '', bankAccount: '', address: '', familySize: null, coveredSize: null, members: [] };
  }

  /** Household facts come from the first row that has them (merged cells leave the rows below empty). */
  private fillHousehold(r: SheetRow, hh: PlannedHousehold, f: Fields, text: (k: RosterField) => string) {
    const take = <T>(k: RosterField, parse: (c: Cell) => Parsed<T>, set: (v: T) => void) => {
      const x = f[k];
      if (!x || x.cell.kind === 'empty') return;
      const p = parse(nfkc(x.cell));
      if (p.ok) { if (p.value !== null) set(p.value); } else this.error(r, x.column, p.reason);
    };
    if (!hh.headName && text('headName')) hh.headName = text('headName');
    if (!hh.village && text('village')) hh.village = text('village').replace(/\s/g, '');
    if (!hh.group && text('group')) hh.group = normalizeGroup(text('group'));
    if (!hh.category && text('category')) {
      hh.category = parseCategory(text('category'));
      if (!hh.category) this.error(r, f.category!.column, `无法识别的保障类别“${text('category')}”（应为城市低保、农村低保、特困供养等）`);
    }
    if (!hh.monthlyFen) take('amount', parseYuan, (v) => { hh.monthlyFen = v as number; });
    if (!hh.topUpFen) take('topUp', parseYuan, (v) => { hh.topUpFen = v as number; });
    if (!hh.startMonth) take('startMonth', parseMonth, (v) => { hh.startMonth = v as string; });
    if (hh.familySize === null) take('familySize', parseCount, (v) => { hh.familySize = v as number; });
    if (hh.coveredSize === null) take('coveredSize', parseCount, (v) => { hh.coveredSize = v as number; });
    if (!hh.certificateNo) hh.certificateNo = text('certificateNo');
    if (!hh.causes.length && text('causes')) hh.causes = text('causes').split(/[、,，;；\s]+/).filter(Boolean).map(toCause);
    if (!hh.bankName) hh.bankName = text('bankName');
    if (!hh.bankAccount && f.bankAccount) hh.bankAccount = this.digits(r, f.bankAccount.cell, f.bankAccount.column, '银行账号');
    if (!hh.address) hh.address = text('address');
  }

  private addMember(r: SheetRow, hh: PlannedHousehold, f: Fields, text: (k: RosterField) => string) {
    const rel = text('relation');
    const isHead = this.has('relation') ? isHeadRelation(rel) || (!rel && hh.members.length === 0)
      : this.has('name') && this.has('headName') ? text('name') === hh.headName || hh.members.length === 0 : hh.members.length === 0;
    const name = (text('name') || (isHead ? text('headName') || hh.headName : '')).replace(/\s/g, '');
    const idCol = f.idNumber?.column ?? '身份证号';
    if (!name) this.error(r, f.name?.column ?? f.headName?.column ?? '姓名', '姓名为空');
    const id = this.idNumber(r, f.idNumber?.cell ?? { kind: 'empty' }, idCol, hh);
    if (!name || !id) return;
    let relation = isHead ? '户主' : parseRelation(rel);
    if (!relation) {
      relation = '其他';
      if (rel) this.warn(r, f.relation!.column, `与户主关系“${rel}”不在标准列表中，按“其他”导入`);
    }
    const grade = parseDisabilityGrade(text('disabilityGrade'));
    hh.members.push({ sheet: r.sheet, row: r.row, name, idNumber: id.id, sex: id.sex, birthDate: id.birthDate, relation, isHead,
      health: grade ? (parseHealth(text('health')) === '重病' ? '残疾且患病' : '残疾') : parseHealth(text('health')),
      disabilityType: text('disabilityType').replace(/残疾$/, ''), disabilityGrade: grade,
      labourCapacity: parseLabour(text('labourCapacity')) ?? '有', phone: text('phone').replace(/\D/g, '').slice(0, 12) });
  }

  private idNumber(r: SheetRow, cell: Cell, column: string, hh: PlannedHousehold) {
    if (cell.kind === 'empty') { this.error(r, column, '身份证号为空'); return null; }
    if (cell.kind === 'number' && !(Number.isSafeInteger(cell.value) && String(cell.value).length === 15)) {
      this.error(r, column, `身份证号存成了数字（文件中实际是 ${asDigits(cell.value)}）：Excel 只保留 15 位有效数字，末尾几位已经丢失。请把该列设为“文本”格式并重新录入正确号码`);
      return null;
    }
    const typed = cellText(cell).normalize('NFKC').trim().replace(/^'|^="?|"$/g, '');
    const raw = typed.replace(/[\s\-\u2010-\u2015\u2212_]/g, '');
    const p = parseIdNumber(raw);
    if (!p.ok) { this.error(r, column, p.reason); return null; }
    if (raw !== typed) this.warn(r, column, `身份证号“${typed}”中有空格或短横线，已去除，按 ${p.value.id} 导入`);
    return this.claimId(r, column, p.value, hh);
  }

  /** One person, one row, except a household-sheet head met again in a member sheet (that completes the household). */
  private claimId<T extends { id: string }>(r: SheetRow, column: string, id: T, hh: PlannedHousehold): T | null {
    const first = this.idsSeen.get(id.id);
    const here = { where: `“${r.sheet}”第 ${r.row} 行`, hh, householdLevel: this.sheet!.level === 'household' };
    if (first?.householdLevel && !here.householdLevel && first.hh.sheet !== r.sheet) {
      const paired = this.completes.get(hh);
      if ((paired ?? first.hh) === first.hh && (paired === first.hh || !this.completed.has(first.hh))) {
        this.completes.set(hh, first.hh);
        this.completed.add(first.hh);
        this.idsSeen.set(id.id, { ...here, householdLevel: false });
        return id;
      }
    }
    if (first) { this.error(r, column, `身份证号 ${id.id} 在本文件中重复出现（首次在${first.where}）`); return null; }
    this.idsSeen.set(id.id, here);
    return id;
  }

  private digits(r: SheetRow, cell: Cell, column: string, what: string): string {
    if (cell.kind === 'number' && !Number.isSafeInteger(cell.value)) {
      this.error(r, column, `${what}存成了数字（文件中实际是 ${asDigits(cell.value)}），末尾几位已经丢失；请把该列设为“文本”格式并重新录入`);
      return '';
    }
    const t = cellText(cell).normalize('NFKC').replace(/[\s-]/g, '');
    if (t && !/^\d{6,30}$/.test(t)) { this.error(r, column, `${what}“${t}”应为 6–30 位数字`); return ''; }
    return t;
  }

  private error(r: SheetRow | null, column: string, reason: string) {
    this.problems.push({ level: 'error', sheet: this.sheet?.name ?? r?.sheet ?? '', row: r?.row ?? null, column, reason });
  }
  private warn(r: SheetRow | null, c: ColumnInfo | string, reason: string) {
    const column = typeof c === 'string' ? c : `${c.column}列（${c.header}）`;
    this.problems.push({ level: 'warning', sheet: this.sheet?.name ?? '', row: r?.row ?? this.sheet?.headerRow ?? null, column, reason });
  }

  /** Sheet-level checks once its rows are read: a missing header, households without a head or a village. */
  private finishSheet() {
    const s = this.sheet;
    if (!s) return;
    if (s.headerRow === null) {
      this.problems.push({ level: 'warning', sheet: s.name, row: null, column: '', reason: '未找到表头（需含“姓名”或“户主姓名”与“身份证号”列），本工作表未导入' });
    }
    for (const hh of this.households.filter((h) => h.sheet === s.name)) this.checkHousehold(hh);
  }

  /**
   * A member-sheet household none of whose IDs is a household-sheet head (the head on the household sheet has
   * left or died and is not in the member list) is matched by 村, 组 and 户主姓名, when exactly one fits.
   */
  private pairByHeadName() {
    const householdSheets = new Set(this.sheets.filter((s) => s.level === 'household').map((s) => s.name));
    if (!householdSheets.size) return;
    const key = (h: PlannedHousehold) => `${h.village}|${h.group}|${h.headName}`;
    const open = new Map<string, PlannedHousehold[]>();
    for (const h of this.households) {
      if (householdSheets.has(h.sheet) && !this.completed.has(h)) open.set(key(h), [...(open.get(key(h)) ?? []), h]);
    }
    for (const mh of this.households) {
      if (householdSheets.has(mh.sheet) || this.completes.has(mh) || !mh.headName) continue;
      const fits = open.get(key(mh)) ?? [];
      if (fits.length !== 1 || this.completed.has(fits[0])) continue;
      const target = fits[0];
      this.completes.set(mh, target);
      this.completed.add(target);
      this.problems.push({ level: 'warning', sheet: target.sheet, row: target.row, column: '身份证号',
        reason: `户主 ${target.headName}（${target.members[0]?.idNumber ?? ''}）不在“${mh.sheet}”的成员中，按村、组和户主姓名对应到“${mh.sheet}”第 ${mh.row} 行起的 ${mh.members.length} 人导入` });
    }
  }

  /** After every sheet: households that list only their head, counted per sheet, with what the clerk must add. */
  private warnHeadsOnly() {
    for (const s of this.sheets) {
      const mine = this.households.filter((h) => h.sheet === s.name && h.members.length === 1);
      const more = mine.filter((h) => (h.familySize ?? 1) > 1);
      if (s.level === 'household' && mine.length) {
        this.problems.push({ level: 'warning', sheet: s.name, row: null, column: '',
          reason: `本表是户级花名册（每户一行），${mine.length} 户只导入户主${more.length ? `（其中 ${more.length} 户家庭人口多于 1 人）` : ''}；其余家庭成员请导入后在户档案中补录` });
      } else if (more.length) {
        this.problems.push({ level: 'warning', sheet: s.name, row: null, column: '',
          reason: `${more.length} 户的花名册只列出了户主（家庭人口多于 1 人），其余成员请导入后在户档案中补录` });
      }
    }
  }

  /**
   * The app's own 花名册 (and many county templates) has a household sheet and a member sheet: a member-sheet
   * household whose people include a household-sheet head completes that household instead of being a second one.
   */
  private mergeCompletions() {
    this.pairByHeadName();
    if (!this.completes.size) return;
    for (const [mh, target] of this.completes) {
      target.members = mh.members;
      const t = target as unknown as Record<string, unknown>;
      for (const [k, v] of Object.entries(mh)) if (k !== 'members' && k !== 'sheet' && k !== 'row' && (t[k] === null || t[k] === '' || t[k] === 0)) t[k] = v;
      if (target.familySize !== null && target.familySize !== target.members.length) {
        this.problems.push({ level: 'warning', sheet: target.sheet, row: target.row, column: '家庭人口',
          reason: `家庭人口填的是 ${target.familySize} 人，“${mh.sheet}”中列出 ${target.members.length} 人` });
      }
    }
    const gone = new Set(this.completes.keys());
    this.households = this.households.filter((h) => !gone.has(h));
  }

  private checkHousehold(hh: PlannedHousehold) {
    const at = { level: 'error' as const, sheet: hh.sheet, row: hh.row };
    if (!hh.members.length) return;
    const completes = this.completes.get(hh); // its household sheet row supplies what this sheet lacks
    hh.category ??= completes?.category ?? this.sheetCategory ?? this.opts.defaultCategory ?? null;
    hh.village ||= completes?.village ?? '';
    if (!hh.category) this.problems.push({ ...at, column: '保障类别', reason: '没有保障类别：表中无“保障类别”列，标题中也没有写明，请在导入时选择默认类别' });
    if (!hh.village && this.sheetVillage) hh.village = this.sheetVillage;
    if (!hh.village) this.problems.push({ ...at, column: '村/居', reason: '没有所在村/居（表中无“村”列，工作表名和标题中也没有写明）' });
    const heads = hh.members.filter((m) => m.isHead);
    if (heads.length === 0) {
      hh.members[0].isHead = true;
      this.problems.push({ ...at, level: 'warning', column: '与户主关系', reason: `该户没有标明户主，以第一名成员 ${hh.members[0].name} 为户主` });
    } else if (heads.length > 1) {
      this.problems.push({ ...at, column: '与户主关系', reason: `同一户有 ${heads.length} 名户主（${heads.map((h) => `第 ${h.row} 行`).join('、')}）` });
    }
    if (!hh.headName) hh.headName = hh.members.find((m) => m.isHead)!.name;
    if (hh.members.length > 1 && hh.familySize !== null && hh.familySize !== hh.members.length) {
      this.problems.push({ ...at, level: 'warning', column: '家庭人口', reason: `家庭人口填的是 ${hh.familySize} 人，名单中列出 ${hh.members.length} 人` });
    }
  }

  finish() {
    this.finishSheet();
    this.sheet = null;
    this.mergeCompletions();
    this.warnHeadsOnly();
    if (!this.sheets.some((s) => s.headerRow !== null)) {
      this.problems.push({ level: 'error', sheet: '', row: null, column: '', reason: '文件中没有找到花名册表头（需含“姓名”或“户主姓名”与“身份证号”列）；可在“列对应”步骤中手动指定' });
    }
    return this;
  }
}

const asDigits = (n: number) => n.toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 0 });

const CAUSE_WORDS: [RegExp, string][] = [[/病/, '因病'], [/残/, '因残'], [/学/, '因学'], [/灾/, '因灾'], [/劳/, '缺劳力'], [/技术/, '缺技术'], [/资金/, '缺资金'], [/老|年迈/, '年老体弱']];
function toCause(word: string): string {
  for (const [re, v] of CAUSE_WORDS) if (re.test(word)) return v;
  return '其他';
}

/** One sheet per village: the village comes from the title (青溪镇石桥村低保花名册) or the sheet's name (石桥村). */
function villageOfSheet(sheet: string, title: string[]): string | null {
  const re = /^([\u4e00-\u9fa5\u{20000}-\u{2FFFF}]{1,8}?(村|社区|居委会))/u;
  for (const t of title) {
    const m = re.exec(t.replace(/\s/g, '').replace(/^.*?(县|区|市)(?=.)/, '').replace(/^.*?(镇|乡|街道)(?=.)/, ''));
    if (m && m[1] !== '农村') return m[1]; // 青溪镇农村低保花名册 names a category, not a village
  }
  const m = re.exec(sheet.replace(/\s/g, ''));
  return m && m[1] === sheet.replace(/\s/g, '') ? m[1] : null;
}
