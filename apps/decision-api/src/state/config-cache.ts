/**
 * Each workspace's compiled policy set, freeze and audit settings, cached under the
 * organization's decision stamp and reloaded when it moves. Loads are shared: a burst of
 * requests for a workspace after a change compiles it once.
 */
import { type DecisionConfig, loadDecisionConfig } from "@sekuire/core/decisions";
import type { Db } from "@sekuire/core/runtime";
import { BoundedMap } from "./bounded-map.js";
import { withDeadline } from "./deadline.js";
import type { OrganizationStamps } from "./stamps.js";

export interface ConfigCacheOptions {
  timeoutMs: number;
  maxEntries?: number;
  onLookup?: (hit: boolean) => void;
}

export interface Scope {
  organizationId: string;
  workspaceId: string;
}

export class ConfigCache {
  private readonly entries: BoundedMap<string, DecisionConfig>;
  private readonly loading = new Map<string, Promise<DecisionConfig | null>>();

  constructor(
    private readonly db: Db,
    private readonly stamps: OrganizationStamps,
    private readonly options: ConfigCacheOptions,
  ) {
    this.entries = new BoundedMap(options.maxEntries ?? 10_000);
  }

  /** The workspace's config as of the current stamp; null when the workspace is gone. */
  async get(scope: Scope): Promise<DecisionConfig | null> {
    const stamp = await this.stamps.current(scope.organizationId);
    const cached = this.entries.get(scope.workspaceId);
    const hit = cached !== undefined && cached.stamp >= stamp;
    this.options.onLookup?.(hit);
    if (hit) return cached;
    return this.load(scope);
  }

  private load(scope: Scope): Promise<DecisionConfig | null> {
    const pending = this.loading.get(scope.workspaceId);
    if (pending) return pending;
    const load = withDeadline(
      "Postgres (the workspace's policies)",
      this.options.timeoutMs,
      loadDecisionConfig(this.db, scope),
    )
      .then((config) => {
        if (config) {
          this.entries.set(scope.workspaceId, config);
          this.stamps.observe(scope.organizationId, config.stamp);
        } else this.entries.delete(scope.workspaceId);
        return config;
      })
      .finally(() => this.loading.delete(scope.workspaceId));
    this.loading.set(scope.workspaceId, load);
    return load;
  }
}
