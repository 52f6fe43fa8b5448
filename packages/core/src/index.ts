export { hashPassword, verifyPassword } from "./passwords.js";
export {
  checkSecret,
  displaySecret,
  generateSecret,
  hashSecret,
  type NewSecret,
  type SecretKind,
} from "./secrets.js";
