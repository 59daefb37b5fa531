import { type ClassType, FieldResolver, Int, Resolver, Root } from "type-graphql";
import { IndicatorConnection, InfringementConnection, ProductConnection } from "../schema/types/connections";
import type { Connection } from "../schema/types/connection";

// totalCount costs a COUNT query, so it runs only when a client asks for it.
function TotalCountResolver(connectionType: ClassType) {
  @Resolver(() => connectionType)
  class ConnectionResolver {
    @FieldResolver(() => Int)
    totalCount(@Root() connection: Connection<unknown>): Promise<number> {
      return connection.countTotal();
    }
  }
  return ConnectionResolver;
}

export const InfringementConnectionResolver = TotalCountResolver(InfringementConnection);
export const ProductConnectionResolver = TotalCountResolver(ProductConnection);
export const IndicatorConnectionResolver = TotalCountResolver(IndicatorConnection);
