// Accounts: a person's own sign-in, sessions and password, and sign-up. They belong to no one
// organization, so these services take a user id instead of an organization-scoped principal.
export {
  accountSummary,
  type ChangePasswordResult,
  type ClientOrigin,
  changePassword,
  MIN_PASSWORD_LENGTH,
} from "./change-password.js";
export { normalizeEmail } from "./emails.js";
export { dummyHash, passwordMatches } from "./password-check.js";
export { closeOtherSessions, closeSession, openSession, sessionIsOpen } from "./sessions.js";
export {
  accountExists,
  type PasswordSignInResult,
  passwordSignIn,
  recordEmailSignIn,
  requestSignInLink,
  type SignedInUser,
} from "./sign-in.js";
export { recordSignIn, recordUserEvent, type SignInRecord } from "./sign-in-records.js";
export { type SignUpInput, signUp, signUpInput } from "./sign-up.js";
export {
  checkThrottle,
  MAX_FAILURES_PER_ACCOUNT_AND_ADDRESS,
  MAX_FAILURES_PER_ADDRESS,
  THROTTLE_WINDOW_MS,
  type ThrottleVerdict,
  throttledMessage,
} from "./throttle.js";
