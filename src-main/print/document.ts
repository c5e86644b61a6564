import type { z } from 'zod';
import type { Content, StyleDictionary } from 'pdfmake/interfaces';
import type { DbHandle } from '../db/connection';
import type { Actor, Progress } from '../ipc/contract';
import type { Permission } from '../ipc/permissions';

/**
 * What a document's build() may read: the database, the data dir (photos, outbox) and who prints. In a worker
 * job it also gets `progress`, for the bar's text.
 */
export interface PrintContext {
  sqlite: DbHandle['sqlite']; dataDir: string; actor: Actor;
  progress?: (p: Progress) => void;
}

/**
 * The part of a pdfmake definition a document supplies. The engine adds fonts, A4 page size,
 * GB/T 9704-style margins, the 第X页 共Y页 footer, default styles and the 套打 offset.
 */
export interface DocBody {
  content: Content;
  styles?: StyleDictionary;
  /** A short line printed at the top of every page (e.g. the township name). */
  headerText?: string;
  /** A short line printed left of the page number on every page. */
  footerText?: string;
  /**
   * Signature lines at the foot of every page ('驻村领导' → 驻村领导（签字）：____), for sheets a team signs page by
   * page, so no page of a multi-page list can be swapped unsigned. The bottom margin grows to make room.
   */
  footerSigners?: string[];
  /**
   * The permission what this body shows needs, when it depends on the viewer (a list printing full ID numbers for
   * an account allowed to see them: 'sensitive.read'). The outbox file is recorded with it, so nobody else can fetch
   * it; the engine also adds 'sensitive.read' by itself when the text carries unmasked ID, bank or phone numbers.
   */
  contains?: Permission;
  /** Base of the produced file name (Chinese allowed); the engine adds a timestamp and .pdf. */
  fileName?: string;
  /**
   * Page runs: `content` is an array whose items each start on a new page and number their own pages
   * (a multi-village notice: each village's sheets are posted on its own board, so 第1页 共2页 per village).
   */
  pageRuns?: boolean;
  /** What one page run is, for the progress text (第 2 村 / 共 12 村); default 份. */
  runUnit?: string;
  /** Numbers a public document prints on purpose (the township complaint phone, 一公布); the privacy guard allows exactly these. */
  publicNumbers?: string[];
}

export interface PrintDocument<S extends z.ZodType = z.ZodType> {
  /** Dotted id, e.g. 'notice.longterm'. */
  name: string;
  /** Chinese title shown in lists. */
  title: string;
  input: S;
  /** Posted publicly: the privacy guard checks the final text before a file is produced. */
  public: boolean;
  orientation?: 'portrait' | 'landscape';
  /** Printing is reading; a document carrying unmasked personal data asks for more (e.g. 'sensitive.read'). Default 'read'. */
  permission?: Permission;
  build(ctx: PrintContext, args: z.output<S>): Promise<DocBody> | DocBody;
}

/** Declares a document with its input type inferred from the zod schema. */
export function defineDocument<S extends z.ZodType>(d: PrintDocument<S>): PrintDocument<S> {
  return d;
}
