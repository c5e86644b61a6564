import { filingForm } from './filing';
import { casesLedger, complaintsRegister, custodyRegister } from './registers';

/** The supervision feature's printable documents (listed in src-main/print/documents.ts). */
export const supervisionDocuments = [filingForm, casesLedger, complaintsRegister, custodyRegister];
