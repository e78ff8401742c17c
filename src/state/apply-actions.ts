/**
 * The actions of the certificate application wizard (issue 4), one import for the UI. Each action
 * turns coded failures into `Problem`s in the store (or returns them), and rethrows anything unnamed.
 */
export { configureApply, type ApplySeams, type DownloadSink } from './apply-seams';
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
} from './apply-sign-in-actions';
export { confirmPasswordStored, continueToReview, generateAndSaveKey, keyFileName, proveKeySaved, saveKeyAgain } from './apply-key-actions';
export { retrieveCertificate, retrySubmission, submissionMaybeReceived, submitApplication } from './apply-submit-actions';
export { listApplications, openSavedKeyForResume, resumeApplication, retryResume } from './apply-resume-actions';
export { discardSavedKey, keepDraft } from './apply-draft-actions';
export { downloadCertificate, downloadPfx, downloadReminder, resetApplication, signOutAndForget } from './apply-result-actions';
export { summaryCard, type SummaryCard } from './summary';
