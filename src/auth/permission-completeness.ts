import { isObjectType, type GraphQLSchema } from "graphql";

// Fail closed: every field of every object type must be named in the permission map, and the map
// must name nothing the schema lacks (a stale entry hides a field that was renamed).
export function missingPermissions(schema: GraphQLSchema, permissionMap: Record<string, Record<string, unknown>>): string[] {
  const problems: string[] = [];
  const objectTypes = Object.values(schema.getTypeMap()).filter(
    (type) => isObjectType(type) && !type.name.startsWith("__"),
  );
  for (const type of objectTypes) {
    if (!isObjectType(type)) continue;
    const rules = permissionMap[type.name] ?? {};
    for (const field of Object.keys(type.getFields())) {
      if (!Object.hasOwn(rules, field)) problems.push(`${type.name}.${field} has no rule`);
    }
  }
  for (const [typeName, rules] of Object.entries(permissionMap)) {
    const type = schema.getType(typeName);
    if (!type || !isObjectType(type)) {
      problems.push(`${typeName} is in the permission map but not in the schema`);
      continue;
    }
    for (const field of Object.keys(rules)) {
      if (!type.getFields()[field]) problems.push(`${typeName}.${field} is in the permission map but not in the schema`);
    }
  }
  return problems;
}
