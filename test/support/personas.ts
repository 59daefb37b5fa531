import type { Scope } from "../../src/auth/scopes";
import type { Brand, Listing, Organization, Seller, SuspectedInfringement } from "../../src/entities";
import { OrgKind, UserRole } from "../../src/entities/enums";
import { toGlobalId } from "../../src/schema/global-id";
import {
  createApiKeyRow,
  createBrand,
  createInfringement,
  createListing,
  createOrganization,
  createSeller,
  createUser,
} from "./factories";
import type { TestApi } from "./test-api";

export interface Persona {
  name: string;
  org: Organization;
  as: { token: string } | { apiKey: string };
}

// The cast every isolation test plays with: the platform, two member brands, an agency, and keys.
// Brand A and brand B both have an infringement on one shared listing (the same fake sells as
// both brands), so each must see its own and never the other's.
export interface Cast {
  platformAnalyst: Persona;
  brandAAdmin: Persona;
  brandAAnalyst: Persona;
  brandAViewer: Persona;
  brandBAnalyst: Persona;
  investigator: Persona;
  brandA: { org: Organization; brand: Brand };
  brandB: { org: Organization; brand: Brand };
  seller: Seller;
  sharedListing: Listing;
  listingOnlyA: Listing;
  infringementA: SuspectedInfringement;
  infringementAShared: SuspectedInfringement;
  infringementBShared: SuspectedInfringement;
  keyFor(org: Organization, scopes: Scope[]): Promise<Persona>;
  // A signed-in user of any organization, e.g. of a second agency or a third brand made by a test.
  userOf(org: Organization, role: UserRole): Promise<Persona>;
}

export const gid = (typeName: string, id: string) => toGlobalId(typeName, id);

export async function createCast(api: TestApi): Promise<Cast> {
  const db = api.dataSource;
  const userPersona = async (name: string, org: Organization, role: UserRole): Promise<Persona> => {
    const user = await createUser(db, org, role);
    const { token } = await api.tokens.sign({ userId: user.id, orgId: org.id });
    return { name, org, as: { token } };
  };
  const platform = await createOrganization(db, OrgKind.PLATFORM, "Platform");
  const orgA = await createOrganization(db, OrgKind.BRAND, "Brand Org A");
  const orgB = await createOrganization(db, OrgKind.BRAND, "Brand Org B");
  const agency = await createOrganization(db, OrgKind.AGENCY, "Agency");
  const brandA = await createBrand(db, orgA, ["AA"]);
  const brandB = await createBrand(db, orgB, ["BB"]);
  const seller = await createSeller(db);
  const sharedListing = await createListing(db, seller, { title: "AA BB combo replica" });
  const listingOnlyA = await createListing(db, seller, { title: "AA replica" });
  return {
    platformAnalyst: await userPersona("platform analyst", platform, UserRole.ANALYST),
    brandAAdmin: await userPersona("brand A admin", orgA, UserRole.ADMIN),
    brandAAnalyst: await userPersona("brand A analyst", orgA, UserRole.ANALYST),
    brandAViewer: await userPersona("brand A viewer", orgA, UserRole.VIEWER),
    brandBAnalyst: await userPersona("brand B analyst", orgB, UserRole.ANALYST),
    investigator: await userPersona("agency investigator", agency, UserRole.INVESTIGATOR),
    brandA: { org: orgA, brand: brandA },
    brandB: { org: orgB, brand: brandB },
    seller,
    sharedListing,
    listingOnlyA,
    infringementA: await createInfringement(db, brandA, listingOnlyA),
    infringementAShared: await createInfringement(db, brandA, sharedListing),
    infringementBShared: await createInfringement(db, brandB, sharedListing),
    userOf: (org, role) => userPersona(`${role.toLowerCase()} of ${org.name}`, org, role),
    async keyFor(org, scopes) {
      const { secret } = await createApiKeyRow(db, org, scopes);
      return { name: `key of ${org.name} with [${scopes.join(",")}]`, org, as: { apiKey: secret } };
    },
  };
}

// A signed-in user of an organization, for tests that need roles the cast does not have.
export async function userPersona(api: TestApi, org: Organization, role: UserRole, name = `${role} of ${org.name}`): Promise<Persona> {
  const user = await createUser(api.dataSource, org, role);
  const { token } = await api.tokens.sign({ userId: user.id, orgId: org.id });
  return { name, org, as: { token } };
}

// The cast's two member brands as members that joined after the months a report test reads: they
// could have contributed nothing, so a report's rows are the test's own members'.
export const castJoinedAfterReportedPeriods = async (api: TestApi, cast: Cast): Promise<void> => {
  await api.dataSource.query(`UPDATE organization SET joined_at = now() WHERE id = ANY($1)`, [[cast.brandA.org.id, cast.brandB.org.id]]);
};
