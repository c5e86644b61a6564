// 银行卡代管登记: whose card is held by whom, the written agreement (an inbox upload, also filed into the household's
// archive bag) and the county filing.
import { z } from 'zod';
import { channel, type HandlerContext } from '../../ipc/contract';
import { AppError } from '../../ipc/errors';
import { inboxPath, originalName } from '../../ipc/files';
import { maskIdNumber } from '../../domain/idNumber';
import { fileStoredDocument } from '../archive/filing';
import { assertHousehold, canSeeSensitive, count, id, idNumberInput, isoDate, mustGet, offset, optDate, paging, text } from './common';
import { LIKE_ESCAPE, likeContains } from '../../db/like';

export const CUSTODY_FILTERS = ['active', 'unfiled', 'all'] as const;

const FILTER_SQL: Record<(typeof CUSTODY_FILTERS)[number], string> = {
  all: '1', active: 'c.end_date IS NULL', unfiled: 'c.end_date IS NULL AND c.filed_date IS NULL',
};

interface CustodyRow { id: number; household_id: number; member_id: number | null; bank_name: string; holder_name: string; holder_id_number: string;
  holder_relation: string; holder_is_staff: number; reason: string; start_date: string; end_date: string | null; agreement_file: string | null;
  filed_date: string | null; note: string; member_name: string | null; head_name: string | null; village_name: string | null; household_status: string }

const saveInput = z.object({
  id: id.optional(), householdId: id, memberId: id.nullable().default(null), bankName: text(40).default(''),
  holderName: text(32).min(1, '请填写代管人姓名'), holderIdNumber: z.union([z.literal(''), idNumberInput]).default(''),
  holderRelation: text(16).min(1, '请填写代管人与持卡人关系'), reason: text(300).default(''), startDate: isoDate, endDate: optDate,
  agreementFile: z.string().max(200).nullable().default(null), filedDate: optDate, note: text(300).default(''),
});

/** Serving staff or cadres holding a recipient's card must be registered and consented (seed 003). */
function holderIsStaff(sqlite: import('better-sqlite3').Database, name: string, idNumber: string): boolean {
  if (idNumber) return !!sqlite.prepare('SELECT 1 FROM supervised_staff WHERE id_number = ? AND active = 1').get(idNumber);
  return !!sqlite.prepare('SELECT 1 FROM supervised_staff WHERE name = ? AND active = 1').get(name);
}

/** The written agreement into the household's bag (once: saving the record again with the same file adds nothing). */
function fileAgreement(ctx: HandlerContext, householdId: number, inboxName: string, date: string, holderName: string) {
  fileStoredDocument(ctx, { householdIds: [householdId], sourcePath: inboxPath(ctx.dataDir, inboxName), fileName: originalName(inboxName),
    docType: '其他', title: '银行卡代管书面协议', date, note: `代管人：${holderName}` });
}

export const custodyChannels = {
  'supervision.custody.list': channel({
    title: '银行卡代管登记台账', permission: 'read', kind: 'query',
    input: z.object({ ...paging, filter: z.enum(CUSTODY_FILTERS).default('active') }),
    handler: (ctx, i) => {
      const like = likeContains(i.search);
      const sql = `SELECT c.*, m.name AS member_name, head.name AS head_name, v.name AS village_name, h.status AS household_status
        FROM card_custody c JOIN households h ON h.id = c.household_id LEFT JOIN members m ON m.id = c.member_id
        LEFT JOIN members head ON head.id = h.head_member_id LEFT JOIN regions v ON v.id = h.village_id
        WHERE ${FILTER_SQL[i.filter]} AND (? = '' OR c.holder_name LIKE ? ${LIKE_ESCAPE} OR m.name LIKE ? ${LIKE_ESCAPE} OR head.name LIKE ? ${LIKE_ESCAPE})`;
      const params = [i.search, like, like, like];
      const rows = ctx.sqlite.prepare(`${sql} ORDER BY c.filed_date IS NOT NULL, c.start_date DESC, c.id DESC LIMIT ? OFFSET ?`)
        .all(...params, i.pageSize, offset(i)) as CustodyRow[];
      const full = canSeeSensitive(ctx.actor);
      return { total: count(ctx.sqlite, sql, params), rows: rows.map((c) => ({ id: c.id, householdId: c.household_id, memberId: c.member_id,
        cardholderName: c.member_name ?? c.head_name, headName: c.head_name, villageName: c.village_name, householdStatus: c.household_status,
        bankName: c.bank_name, holderName: c.holder_name, holderIdNumber: full ? c.holder_id_number : maskIdNumber(c.holder_id_number),
        holderRelation: c.holder_relation, holderIsStaff: !!c.holder_is_staff, reason: c.reason, startDate: c.start_date, endDate: c.end_date,
        agreementFile: c.agreement_file, agreementName: c.agreement_file ? originalName(c.agreement_file) : null, filedDate: c.filed_date, note: c.note })) };
    },
  }),
  'supervision.custody.save': channel({
    title: '登记或修改银行卡代管', permission: 'case.write', kind: 'mutation', input: saveInput,
    handler: (ctx, i) => {
      assertHousehold(ctx.sqlite, i.householdId);
      if (i.memberId && !ctx.sqlite.prepare('SELECT 1 FROM members WHERE id = ? AND household_id = ?').get(i.memberId, i.householdId)) {
        throw new AppError('VALIDATION', '持卡人不是该户成员');
      }
      if (i.agreementFile) inboxPath(ctx.dataDir, i.agreementFile);
      const before = i.id ? mustGet<CustodyRow>(ctx.sqlite, 'SELECT * FROM card_custody WHERE id = ?', i.id, '代管登记') : null;
      // an edit form never receives the stored number: left empty, it is kept
      const holderIdNumber = i.holderIdNumber || (before?.holder_id_number ?? '');
      const isStaff = holderIsStaff(ctx.sqlite, i.holderName, holderIdNumber);
      const now = new Date().toISOString();
      const values = [i.householdId, i.memberId, i.bankName, i.holderName, holderIdNumber, i.holderRelation, isStaff ? 1 : 0, i.reason, i.startDate,
        i.endDate ?? null, i.agreementFile, i.filedDate ?? null, i.note, now];
      const after = { ...i, holderIdNumber: maskIdNumber(holderIdNumber), holderIsStaff: isStaff };
      if (i.agreementFile) fileAgreement(ctx, i.householdId, i.agreementFile, i.startDate, i.holderName);
      if (i.id) {
        ctx.sqlite.prepare(`UPDATE card_custody SET household_id = ?, member_id = ?, bank_name = ?, holder_name = ?, holder_id_number = ?, holder_relation = ?,
          holder_is_staff = ?, reason = ?, start_date = ?, end_date = ?, agreement_file = ?, filed_date = ?, note = ?, updated_at = ? WHERE id = ?`).run(...values, i.id);
        ctx.audit({ entity: 'card_custody', entityId: i.id, before: { ...before, holder_id_number: maskIdNumber(holderIdNumber) }, after });
        return { id: i.id, holderIsStaff: isStaff };
      }
      const r = ctx.sqlite.prepare(`INSERT INTO card_custody (household_id, member_id, bank_name, holder_name, holder_id_number, holder_relation, holder_is_staff,
        reason, start_date, end_date, agreement_file, filed_date, note, updated_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(...values, now);
      const newId = Number(r.lastInsertRowid);
      ctx.audit({ entity: 'card_custody', entityId: newId, after });
      return { id: newId, holderIsStaff: isStaff };
    },
  }),
};
