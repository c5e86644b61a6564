import fs from 'node:fs';
import { z } from 'zod';
import { channel } from '../../ipc/contract';
import { AppError } from '../../ipc/errors';
import { inboxPath, originalName, assertSafeName } from '../../ipc/files';
import { newOutboxFile, readableOutboxFile } from '../../ipc/outbox';
import type { Permission } from '../../ipc/permissions';
import { setSetting } from '../settings/store';
import { ARCHIVE_DOC_TYPES, ARCHIVE_SETTINGS_KEY, BAG_STATUSES, DISPOSAL_METHODS, LEVEL_PRESETS, RULE_SETS, archiveSettings,
  archiveSettingsSchema, todayIso } from './terms';
import { assignMissingBags, bagById, ensureBag, setSeparateManagement } from './bags';
import { addItem, attachFile, itemById, readStored } from './items';
import { fileStoredDocument } from './filing';
import { assertMayOpenFile, mayOpenFile } from './fileAccess';
import { bagDetail, borrowings, completenessReport, listBags, retentionDue } from './queries';
import { FILE_TYPES, TYPE_LIST, verifyStore, type FileExt } from './store';
import { boxList } from './boxes';
import { borrowingChannels } from './borrowing';

const id = z.number().int().positive();
import { isoDate } from '../../ipc/schemas';
const text = (max: number) => z.string().trim().max(max).default('');
const docType = z.enum(ARCHIVE_DOC_TYPES, { error: '请选择文件类别' });

const itemInput = z.object({
  householdId: id, docType, title: z.string().trim().min(1, '请填写题名').max(120), date: isoDate,
  responsible: text(60), pages: z.number().int().min(1).max(2000).default(1), docNo: text(60), note: text(200),
  inboxName: z.string().max(200).optional(),
});

const bagFor = (ctx: { sqlite: Parameters<typeof ensureBag>[0] }, householdId: number) => ensureBag(ctx.sqlite, householdId, todayIso()).bag;

export const archiveChannels = {
  'archive.meta': channel({
    title: '档案：文件类别、层级方案与设置', permission: 'read', kind: 'query', input: z.object({}),
    handler: (ctx) => ({ docTypes: ARCHIVE_DOC_TYPES, bagStatuses: BAG_STATUSES, disposalMethods: DISPOSAL_METHODS, ruleSets: RULE_SETS,
      levelPresets: LEVEL_PRESETS, fileTypes: Object.keys(FILE_TYPES), fileTypeList: TYPE_LIST, settings: archiveSettings(ctx.sqlite) }),
  }),
  'archive.settings.save': channel({
    title: '保存档案设置（层级、全宗号、档号格式、保管期限、完整性规则）', permission: 'admin', kind: 'mutation', input: archiveSettingsSchema,
    handler: (ctx, i) => {
      const before = archiveSettings(ctx.sqlite);
      setSetting(ctx.sqlite, ARCHIVE_SETTINGS_KEY, i);
      ctx.audit({ entity: 'setting', entityId: ARCHIVE_SETTINGS_KEY, before, after: i });
      return i;
    },
  }),
  'archive.bag': channel({
    title: '一户的档案袋：位置、档号、卷内目录、缺少的材料', permission: 'read', kind: 'query', input: z.object({ householdId: id }),
    handler: (ctx, i) => {
      const d = bagDetail(ctx.sqlite, i.householdId, todayIso());
      // the page offers 查看 only where this viewer may open the file (main refuses the others too)
      return { ...d, items: d.items.map((it) => ({ ...it, mayOpen: it.hasFile && mayOpenFile(ctx.sqlite, ctx.actor.role, it) })) };
    },
  }),
  'archive.bags': channel({
    title: '档案袋列表（分页）', permission: 'read', kind: 'query',
    input: z.object({ page: z.number().int().min(1).default(1), pageSize: z.number().int().min(1).max(200).default(50),
      sort: z.enum(['location', 'archiveNo', 'headName']).default('location'), villageId: id.optional(),
      status: z.enum(BAG_STATUSES).optional(), separate: z.boolean().optional(), q: z.string().trim().max(40).optional() }),
    handler: (ctx, i) => listBags(ctx.sqlite, i),
  }),
  'archive.assignMissing': channel({
    title: '为尚无档案袋的户补建档案袋', permission: 'case.write', kind: 'mutation', input: z.object({}),
    handler: (ctx) => {
      const made = assignMissingBags(ctx.sqlite, todayIso());
      if (made.length) ctx.audit({ entity: 'archiveBag', entityId: null, after: { assigned: made.length, archiveNos: made.map((m) => m.archiveNo) } });
      return { assigned: made.length };
    },
  }),
  'archive.addItem': channel({
    title: '卷内目录：登记一份文件（可附扫描件）', permission: 'case.write', kind: 'mutation', input: itemInput,
    handler: (ctx, i) => {
      const bag = bagFor(ctx, i.householdId);
      const file = i.inboxName ? { buf: fs.readFileSync(inboxPath(ctx.dataDir, i.inboxName)), name: originalName(i.inboxName), source: '扫描上传' as const } : undefined;
      const r = addItem(ctx.sqlite, ctx.dataDir, bag, i, ctx.actor.displayName, file);
      ctx.audit({ entity: 'archiveItem', entityId: r.id, after: { bagId: bag.id, docType: i.docType, title: i.title, date: i.date, file: r.file?.sha256 ?? null } });
      return { id: r.id, sha256: r.file?.sha256 ?? null, alreadyStored: r.file?.alreadyStored ?? false };
    },
  }),
  'archive.attachFile': channel({
    title: '为卷内文件附上扫描件', permission: 'case.write', kind: 'mutation', input: z.object({ itemId: id, inboxName: z.string().max(200) }),
    handler: (ctx, i) => {
      const item = itemById(ctx.sqlite, i.itemId);
      const stored = attachFile(ctx.sqlite, ctx.dataDir, item, fs.readFileSync(inboxPath(ctx.dataDir, i.inboxName)), originalName(i.inboxName));
      ctx.audit({ entity: 'archiveItem', entityId: item.id, before: { file: item.file_sha256 }, after: { file: stored.sha256 } });
      return { sha256: stored.sha256, alreadyStored: stored.alreadyStored };
    },
  }),
  'archive.removeItem': channel({
    title: '从卷内目录撤下一份文件（留痕，不删除）', permission: 'case.write', kind: 'mutation',
    input: z.object({ itemId: id, reason: z.string().trim().min(2, '请写明撤下原因').max(200) }),
    handler: (ctx, i) => {
      const item = itemById(ctx.sqlite, i.itemId);
      ctx.sqlite.prepare('UPDATE archive_items SET removed_at = ?, removed_by = ?, removed_reason = ? WHERE id = ?')
        .run(new Date().toISOString(), ctx.actor.displayName, i.reason, item.id);
      ctx.audit({ entity: 'archiveItem', entityId: item.id, before: { docType: item.doc_type, title: item.title }, after: { removed: true, reason: i.reason } });
      return { id: item.id };
    },
  }),
  'archive.fileOutbox': channel({
    title: '把已打印的 PDF 一键归入该户档案袋', permission: 'case.write', kind: 'mutation',
    input: z.object({ householdId: id, outboxName: z.string().max(200), docType, title: z.string().trim().min(1).max(120),
      date: isoDate.optional(), responsible: z.string().trim().max(60).optional(), note: text(200) }),
    handler: (ctx, i) => {
      // only a file the app produced and this user may read (a ledger with full IDs is not 'printed PDF')
      const { file: path } = readableOutboxFile(ctx.sqlite, ctx.dataDir, ctx.actor, assertSafeName(i.outboxName));
      const r = fileStoredDocument(ctx, { householdIds: [i.householdId], sourcePath: path, fileName: i.outboxName, docType: i.docType,
        title: i.title, date: i.date ?? todayIso(), responsible: i.responsible, note: i.note, source: '系统打印', whenDisposed: 'refuse' });
      const bag = bagFor(ctx, i.householdId);
      const itemId = r.filed[0]?.itemId ?? r.skipped[0].itemId!; // filed now, or the same PDF was filed as this type before
      const pages = (ctx.sqlite.prepare('SELECT pages FROM archive_items WHERE id = ?').get(itemId) as { pages: number }).pages;
      return { id: itemId, bagId: bag.id, archiveNo: bag.archive_no, pages, sha256: r.sha256 };
    },
  }),
  'archive.openFile': channel({
    title: '取出卷内文件的扫描件以查看', permission: 'read', kind: 'query', input: z.object({ itemId: id }),
    handler: (ctx, i) => {
      const item = itemById(ctx.sqlite, i.itemId);
      if (!item.file_sha256) throw new AppError('NOT_FOUND', '这份文件没有扫描件');
      const f = ctx.sqlite.prepare('SELECT ext FROM archive_files WHERE sha256 = ?').get(item.file_sha256) as { ext: FileExt };
      const { buf } = readStored(ctx.dataDir, item.file_sha256, f.ext);
      const permission = assertMayOpenFile(ctx.sqlite, ctx.actor.role, { source: item.source, fileName: item.file_name });
      const out = newOutboxFile(ctx, `卷内文件-${item.id}-${item.file_sha256.slice(0, 8)}.${f.ext}`,
        { permission: permission.split('+') as Permission[] });
      fs.writeFileSync(out.path, buf);
      return { outboxName: out.name };
    },
  }),
  'archive.remarks': channel({
    title: '填写备考表（情况说明、立卷人、检查人）', permission: 'case.write', kind: 'mutation',
    input: z.object({ householdId: id, remark: text(1000), filedBy: text(30), checkedBy: text(30), date: isoDate }),
    handler: (ctx, i) => {
      const bag = bagFor(ctx, i.householdId);
      ctx.sqlite.prepare('UPDATE archive_bags SET remark = ?, filed_by = ?, checked_by = ?, remark_date = ?, updated_at = ? WHERE id = ?')
        .run(i.remark, i.filedBy, i.checkedBy, i.date, new Date().toISOString(), bag.id);
      ctx.audit({ entity: 'archiveBag', entityId: bag.id, before: { remark: bag.remark, filedBy: bag.filed_by, checkedBy: bag.checked_by },
        after: { remark: i.remark, filedBy: i.filedBy, checkedBy: i.checkedBy, date: i.date } });
      return { bagId: bag.id };
    },
  }),
  'archive.setSeparate': channel({
    title: '标记或取消单独管理（近亲属备案户）', permission: 'case.write', kind: 'mutation',
    input: z.object({ householdId: id, separate: z.boolean(), reason: text(200) }),
    handler: (ctx, i) => {
      const r = setSeparateManagement(ctx.sqlite, i.householdId, i.separate, i.reason, todayIso());
      ctx.audit({ entity: 'archiveBag', entityId: r.after.id, before: { separate: !!r.before.separate }, after: { separate: i.separate, reason: i.reason } });
      return { bagId: r.after.id, separate: i.separate };
    },
  }),
  'archive.completeness': channel({
    title: '档案完整性：各村缺少材料统计（听查看访抽查用）', permission: 'read', kind: 'query', input: z.object({ villageId: id.optional() }),
    handler: (ctx, i) => completenessReport(ctx.sqlite, todayIso(), i.villageId),
  }),
  'archive.retentionDue': channel({
    title: '已过保管期限的停保档案', permission: 'read', kind: 'query', input: z.object({}),
    handler: (ctx) => retentionDue(ctx.sqlite, todayIso()),
  }),
  'archive.dispose': channel({
    title: '处置过保管期限的档案（须写明批准人，留档）', permission: 'case.write', kind: 'mutation',
    input: z.object({ bagId: id, method: z.enum(DISPOSAL_METHODS), approver: z.string().trim().min(2, '请填写批准人姓名').max(30),
      approvedAt: isoDate, note: text(300) }),
    handler: (ctx, i) => {
      const bag = bagById(ctx.sqlite, i.bagId);
      const due = retentionDue(ctx.sqlite, todayIso()).find((r) => r.id === bag.id);
      if (!due) throw new AppError('CONFLICT', bag.status === '已处置' ? '该档案已处置' : '该档案未到保管期限，不能处置');
      ctx.sqlite.prepare(`INSERT INTO archive_disposals (bag_id, method, approver, approved_at, note, operator, created_at)
        VALUES (?, ?, ?, ?, ?, ?, ?)`).run(bag.id, i.method, i.approver, i.approvedAt, i.note, ctx.actor.displayName, new Date().toISOString());
      ctx.sqlite.prepare("UPDATE archive_bags SET status = '已处置', updated_at = ? WHERE id = ?").run(new Date().toISOString(), bag.id);
      ctx.audit({ entity: 'archiveBag', entityId: bag.id, before: { status: bag.status },
        after: { status: '已处置', method: i.method, approver: i.approver, approvedAt: i.approvedAt, retentionUntil: due.retentionUntil } });
      return { bagId: bag.id };
    },
  }),
  'archive.boxes': channel({
    title: '档案盒列表（打印盒脊标签用）', permission: 'read', kind: 'query', input: z.object({ villageId: id.optional() }),
    handler: (ctx, i) => boxList(ctx.sqlite, i.villageId),
  }),
  'archive.verifyStore': channel({
    title: '校验档案库文件（逐个核对 SHA-256）', permission: 'read', kind: 'query', input: z.object({}),
    handler: (ctx) => verifyStore(ctx.sqlite, ctx.dataDir),
  }),
  ...borrowingChannels,
  'archive.borrowings': channel({
    title: '借阅登记簿（在借、逾期、全部）', permission: 'read', kind: 'query',
    input: z.object({ filter: z.enum(['open', 'overdue', 'all']).default('open'), page: z.number().int().min(1).default(1),
      pageSize: z.number().int().min(1).max(200).default(50) }),
    handler: (ctx, i) => borrowings(ctx.sqlite, i.filter, i.page, i.pageSize, todayIso()),
  }),
};
