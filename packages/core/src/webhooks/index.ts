// Webhooks: signing (and the check receivers do) and sending one delivery safely. The worker's
// delivery of approval events, the per-workspace secret and the console's settings build on it.
export { sendWebhook, WebhookRefused, type WebhookSendOptions } from "./send.js";
export {
  checkWebhookSignature,
  SIGNATURE_HEADER,
  type SignatureCheck,
  webhookSignature,
} from "./signature.js";
