import { applicationForm, homeVisitForm, reviewRecord } from './forms';
import { confirmationForm } from './confirmation';
import { changeNotice, refuseAcceptNotice, refuseConfirmNotice } from './notices';

/** The 审核确认 papers (internal, public: false), listed in src-main/print/documents.ts. */
export const applicationDocuments = [applicationForm, homeVisitForm, reviewRecord, confirmationForm, refuseAcceptNotice, refuseConfirmNotice, changeNotice];
