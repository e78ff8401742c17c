/**
 * The actions of the certificate application wizard (issue 4), one import for the UI. Each action
 * turns coded failures into `Problem`s in the store (or returns them), and rethrows anything unnamed.
 */
export { configureApply, type ApplySeams, type DownloadSink } from './seams';
export {
  backToEnvironment,
  chooseEnvironment,
  continueToDetails,
  downloadTestIdentity,
  downloadUnsignedRequest,
  retryEnrollmentData,
  setDetails,
  signInAgain,
  signInWithFiles,
  signInWithSignedFile,
  signInWithTestIdentity,
} from './sign-in-actions';
export { confirmPasswordStored, continueToReview, generateAndSaveKey, keyFileName, proveKeySaved, saveKeyAgain } from './key-actions';
export { retrieveCertificate, retrySubmission, submissionMaybeReceived, submitApplication } from './submit-actions';
export { listApplications, openSavedKeyForResume, resumeApplication, retryResume } from './resume-actions';
export { discardSavedKey, keepDraft } from './draft-actions';
export { downloadCertificate, downloadPfx, downloadReminder, resetApplication, signOutAndForget } from './result-actions';
export { summaryCard, type SummaryCard } from './summary';
