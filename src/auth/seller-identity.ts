import type { Seller } from "../entities";
import { isPlatform, type Viewer } from "./viewer";

export type SellerIdentity = Pick<Seller, "registeredName" | "contact" | "paymentAccount">;

// A store's identity as the viewer reads it. The field rule (permissions.ts) lets only the platform
// and agencies ask for it, and depends on no row; which of the stores an agency reaches it reads the
// identity of is a row's matter (sellerIdentities in row-scopes.ts). For any other store an
// agency reads each identity field as null, as of a store whose identity no scan reported.
export function sellerIdentityShownTo(
  viewer: Viewer,
  seller: Seller,
  identityReadable: (sellerId: string) => Promise<boolean>,
): SellerIdentity | Promise<SellerIdentity> {
  if (isPlatform(viewer)) return seller;
  return identityReadable(seller.id).then((readable) =>
    readable ? seller : { registeredName: null, contact: null, paymentAccount: null },
  );
}
