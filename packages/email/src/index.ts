export {
  type ApprovalMailInput,
  type ApprovalMailKind,
  approvalRequestEmail,
  timeLeft,
} from "./approval-templates.js";
export { type Mailer, type MailerEnv, type MailMessage, mailerFromEnv } from "./mailer.js";
export {
  type EmailContent,
  escapeHtml,
  invitationEmail,
  signInLinkEmail,
} from "./templates.js";
