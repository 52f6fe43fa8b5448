// Webhooks: per-workspace signing secrets (sealed at rest), the versioned body, one delivery
// sent safely and recorded, the console's test delivery, and the receivers' signature check.
export { type WebhookConfig, webhookConfigFromEnv } from "./config.js";
export {
  type DeliveryOutcome,
  deliverySelect,
  listDeliveriesInput,
  sendDelivery,
  type WebhookSender,
  webhookSettings,
} from "./deliveries.js";
export { type ApprovalEventSubject, approvalEventPayload, testEventPayload } from "./payload.js";
export { openSecret, sealSecret } from "./secret-box.js";
export { sendWebhook, WebhookRefused, type WebhookSendOptions } from "./send.js";
export {
  checkWebhookSignature,
  SIGNATURE_HEADER,
  type SignatureCheck,
  webhookSignature,
} from "./signature.js";
export { sendTestDelivery, testDeliveryInput, webhookUrlSchema } from "./test-delivery.js";
export {
  rotateWebhookSecret,
  type WebhookSecretStatus,
  workspaceRefInput,
  workspaceSigningSecret,
} from "./workspace-secret.js";
