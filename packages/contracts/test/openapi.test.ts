import { describe, expect, it } from "vitest";
import { openApiDocument } from "../src/openapi/index.js";

describe("the OpenAPI document", () => {
  const doc = openApiDocument({ serverUrl: "http://localhost:4000" });

  it("is OpenAPI 3.1 with every route and the shared components", () => {
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths ?? {}).sort()).toEqual([
      "/v1/approvals/{id}",
      "/v1/decisions",
      "/v1/decisions/batch",
      "/v1/decisions/{id}/complete",
    ]);
    const schemas = Object.keys(doc.components?.schemas ?? {});
    for (const id of ["DecisionRequest", "DecisionResponse", "Error", "ErrorDetail", "UsageReport"])
      expect(schemas).toContain(id);
  });

  it("describes errors by the one envelope, by reference", () => {
    const post = doc.paths?.["/v1/decisions"]?.post;
    const bad = post?.responses?.["400"] as { content: Record<string, { schema: unknown }> };
    expect(bad.content["application/json"]?.schema).toEqual({ $ref: "#/components/schemas/Error" });
    expect(Object.keys(post?.responses ?? {})).toEqual(
      expect.arrayContaining(["200", "400", "401", "403", "413", "415", "429", "503"]),
    );
  });

  it("says which fields a decision request takes and needs", () => {
    const request = doc.components?.schemas?.DecisionRequest as {
      required: string[];
      properties: Record<string, unknown>;
      additionalProperties: unknown;
    };
    expect(request.required.sort()).toEqual(["action", "resource"]);
    expect(Object.keys(request.properties).sort()).toEqual([
      "action",
      "approvalId",
      "context",
      "resource",
    ]);
    expect(request.additionalProperties).toBe(false);
  });

  it("is plain JSON", () => {
    expect(JSON.parse(JSON.stringify(doc))).toEqual(doc);
  });
});
