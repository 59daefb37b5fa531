import type { Organization } from "../../src/entities";
import { OrgKind, UserRole } from "../../src/entities/enums";
import { fromGlobalId } from "../../src/schema/global-id";
import { createOrganization } from "./factories";
import { userPersona, type Persona } from "./personas";
import type { TestApi } from "./test-api";

// Helpers for the shared-intelligence tests: more member brands, and contributing through the API.

export async function brandMember(api: TestApi, name: string, role = UserRole.ANALYST): Promise<Persona & { org: Organization }> {
  const org = await createOrganization(api.dataSource, OrgKind.BRAND, name);
  return { ...(await userPersona(api, org, role, name)), org };
}

export interface IndicatorInputVars {
  kind: string;
  value: string;
  distribution?: string;
  confidence?: number;
  note?: string;
  brandId?: string;
  expiresAt?: string;
}

export const CONTRIBUTE = `mutation($indicators: [IndicatorInput!]!) {
  contributeIndicators(indicators: $indicators) { id kind value distribution confidence note }
}`;

// Returns the database ids of the new indicators.
export async function contribute(api: TestApi, persona: Persona, indicators: IndicatorInputVars[]): Promise<string[]> {
  const response = await api.gql<{ contributeIndicators: { id: string }[] }>(CONTRIBUTE, { indicators }, persona.as);
  if (response.errors) throw new Error(`contributeIndicators failed: ${JSON.stringify(response.errors)}`);
  return (response.data?.contributeIndicators ?? []).map((indicator) => fromGlobalId(indicator.id, "Indicator"));
}

export const MATCH = `query($queries: [IndicatorQueryInput!]!) {
  matchIndicators(queries: $queries) { kind value matched memberCount highestConfidence firstSeenAt lastSeenAt }
}`;

export const indicatorRowCount = async (api: TestApi) => Number((await api.dataSource.query(`SELECT count(*) AS n FROM indicator`))[0].n);
