export { type Mailer, type MailerEnv, type MailMessage, mailerFromEnv } from "./mailer.js";
export {
  type EmailContent,
  escapeHtml,
  invitationEmail,
  signInLinkEmail,
} from "./templates.js";
