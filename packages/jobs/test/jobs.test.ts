/** The jobs' definitions: payloads checked by name, ids that make adds idempotent, delays. */
import { describe, expect, it } from "vitest";
import { approvalJobs, jobIds, parseJob, QUEUES, queuePrefix } from "../src/index.js";

const ref = { organizationId: "org_1", approvalId: "apr_1" };

describe("job payloads", () => {
  it("parses a job by its queue and name", () => {
    expect(parseJob(QUEUES.notifications, "approval.notify", { ...ref, step: "halfway" })).toEqual({
      name: "approval.notify",
      data: { ...ref, step: "halfway" },
    });
    expect(parseJob(QUEUES.maintenance, "approvals.sweep", {}).name).toBe("approvals.sweep");
  });

  it("refuses a name the queue does not have, and a payload that breaks its schema", () => {
    expect(() => parseJob(QUEUES.approvals, "approval.notify", ref)).toThrow(
      /sekuire-approvals has no job named "approval.notify"/,
    );
    expect(() =>
      parseJob(QUEUES.notifications, "approval.notify", { ...ref, step: "later" }),
    ).toThrow(/step/);
    expect(() => parseJob(QUEUES.approvals, "approval.expire", { approvalId: "apr_1" })).toThrow(
      /organizationId/,
    );
  });
});

describe("a new request's jobs", () => {
  const createdAt = new Date("2026-12-07T12:00:00Z");
  const expiresAt = new Date("2026-12-07T12:10:00Z");

  it("notify now, notify halfway, expire at the deadline, each under its own fixed id", () => {
    const jobs = approvalJobs({ ...ref, createdAt, expiresAt }, createdAt);
    expect(jobs.notify.opts).toMatchObject({ jobId: "notify-requested-apr_1", delay: 0 });
    expect(jobs.halfway.opts).toMatchObject({ jobId: "notify-halfway-apr_1", delay: 300_000 });
    expect(jobs.expire.opts).toMatchObject({ jobId: "expire-apr_1", delay: 600_000 });
    expect(jobs.expire.data).toEqual(ref);
    expect(jobs.halfway.data).toEqual({ ...ref, step: "halfway" });
    // Retries with backoff, and removed once done so the sweeper's add works again.
    expect(jobs.notify.opts).toMatchObject({ attempts: 8, removeOnComplete: true });
  });

  it("counts delays from now: later adds (the sweeper's) wait less, never a negative time", () => {
    const later = new Date("2026-12-07T12:07:00Z");
    const jobs = approvalJobs({ ...ref, createdAt, expiresAt }, later);
    expect(jobs.halfway.opts.delay).toBe(0);
    expect(jobs.expire.opts.delay).toBe(180_000);
    expect(
      approvalJobs({ ...ref, createdAt, expiresAt }, new Date("2026-12-08")).expire.opts.delay,
    ).toBe(0);
  });

  it("ids are the same for the same request, and apart for others", () => {
    expect(jobIds.expire("apr_1")).toBe(jobIds.expire("apr_1"));
    expect(jobIds.expire("apr_1")).not.toBe(jobIds.expire("apr_2"));
    expect(jobIds.notify("apr_1", "requested")).not.toBe(jobIds.notify("apr_1", "halfway"));
  });

  it("keeps deployments apart by prefix", () => {
    expect(queuePrefix()).toBe("sekuire");
    expect(queuePrefix("  ")).toBe("sekuire");
    expect(queuePrefix("{staging}")).toBe("{staging}");
  });
});
