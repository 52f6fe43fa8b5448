import { describe, expect, it } from "vitest";
import { webhookConfigFromEnv } from "../../src/webhooks/index.js";

describe("webhook settings from the environment", () => {
  it("allows loopback outside production, private targets only when the operator says so", () => {
    expect(webhookConfigFromEnv({}).outbound).toEqual({ allowPrivate: false, allowLoopback: true });
    expect(webhookConfigFromEnv({ NODE_ENV: "production" }).outbound).toEqual({
      allowPrivate: false,
      allowLoopback: false,
    });
    expect(
      webhookConfigFromEnv({ NODE_ENV: "production", SEKUIRE_WEBHOOK_ALLOW_PRIVATE: "true" })
        .outbound,
    ).toEqual({ allowPrivate: true, allowLoopback: false });
    expect(
      webhookConfigFromEnv({ NODE_ENV: "test", SEKUIRE_WEBHOOK_ALLOW_LOOPBACK: "false" }).outbound
        .allowLoopback,
    ).toBe(false);
  });

  it("refuses a short key and an unclear flag, naming the variable", () => {
    expect(() => webhookConfigFromEnv({ SEKUIRE_WEBHOOK_KEY: "short" })).toThrow(
      /SEKUIRE_WEBHOOK_KEY/,
    );
    expect(() => webhookConfigFromEnv({ SEKUIRE_WEBHOOK_ALLOW_PRIVATE: "yes" })).toThrow(
      /SEKUIRE_WEBHOOK_ALLOW_PRIVATE/,
    );
    expect(webhookConfigFromEnv({ SEKUIRE_WEBHOOK_KEY: "k".repeat(32) }).key).toBe("k".repeat(32));
  });
});
