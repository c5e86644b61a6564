import { signoffSheet } from './signoff';

/** The rechecks feature's printable documents (listed in src-main/print/documents.ts). */
export const rechecksDocuments = [signoffSheet];
