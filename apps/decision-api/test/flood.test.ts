/**
 * The flood guard: one key past SEKUIRE_KEY_RATE_PER_SECOND gets 429 with Retry-After, and the
 * count is shared by the processes (through Redis), apart from the policy's own limits.
 */
import { describe, expect, it } from "vitest";
import { decision } from "./support/client.js";
import { useTwoDecisionApis } from "./support/setup.js";

const RATE = 25;
const s = useTwoDecisionApis({ SEKUIRE_KEY_RATE_PER_SECOND: String(RATE) });
const body = { action: "file:Read", resource: "file:///srv/a" };

/** Waits for the start of the next second, so a test's requests share one window. */
async function nextSecond() {
  await new Promise((r) => setTimeout(r, 1000 - (Date.now() % 1000) + 5));
}

describe("the flood guard", () => {
  it("answers 429 with Retry-After to a key past its rate", async () => {
    // The burst must fit in one second's window; a loaded machine may cross a boundary mid-way,
    // and then the round is tried again with a fresh key.
    for (let round = 0; round < 5; round++) {
      const w = await s.workspace();
      await decision(s.a.url, w.secret, body); // warm the key's caches outside the window
      await nextSecond();
      const second = Math.floor(Date.now() / 1000);
      const answers = await Promise.all(
        Array.from({ length: RATE * 3 }, () => decision(s.a.url, w.secret, body)),
      );
      if (Math.floor(Date.now() / 1000) !== second) continue;
      const refused = answers.filter((r) => r.status === 429);
      // The warm-up was in the second before: this window holds the burst alone.
      expect(answers.filter((r) => r.status === 200).length).toBeLessThanOrEqual(RATE);
      expect(refused.length).toBeGreaterThanOrEqual(RATE * 2);
      expect(refused[0]?.headers.get("retry-after")).toBe("1");
      expect(refused[0]?.body).toMatchObject({ error: { code: "TOO_MANY_REQUESTS" } });
      // Another key is not slowed by it.
      const other = await s.workspace();
      expect((await decision(s.a.url, other.secret, body)).status).toBe(200);
      return;
    }
    throw new Error("no round fit in one second");
  });

  it("counts a key's requests on every process together", async () => {
    // One window: the rate's worth on one process, then one more on the other. A slow machine
    // may cross a second boundary mid-way; then the round is tried again, up to three times.
    for (let round = 0; round < 5; round++) {
      const w = await s.workspace();
      await decision(s.a.url, w.secret, body); // warm the key's caches outside the window
      await nextSecond();
      const second = Math.floor(Date.now() / 1000);
      await Promise.all(Array.from({ length: RATE }, () => decision(s.a.url, w.secret, body)));
      await new Promise((r) => setTimeout(r, 120)); // a's count reaches Redis
      const there = await decision(s.b.url, w.secret, body);
      if (Math.floor(Date.now() / 1000) !== second) continue;
      expect(there.status).toBe(429);
      return;
    }
    throw new Error("no round fit in one second");
  });
});
