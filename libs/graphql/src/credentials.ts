import { Extensions } from '@nestjs/graphql';
import {
  DocumentNode,
  getNamedType,
  GraphQLSchema,
  TypeInfo,
  visit,
  visitWithTypeInfo,
} from 'graphql';

/** The schema extension that marks a type or a field whose value is a credential. */
export const CARRIES_CREDENTIALS = 'carriesCredentials';

/**
 * Marks an object type (or a field) whose value is a credential, such as the access token `login`
 * answers. An answer that holds one is never stored, so Idempotency-Key never replays it.
 */
export const CarriesCredentials = (): ClassDecorator & PropertyDecorator =>
  Extensions({ [CARRIES_CREDENTIALS]: true });

/** Whether any field the document selects is marked, or answers a marked type. */
export function selectsCredentials(schema: GraphQLSchema, document: DocumentNode): boolean {
  const typeInfo = new TypeInfo(schema);
  let found = false;
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field() {
        const field = typeInfo.getFieldDef();
        if (!field) return;
        found ||= Boolean(
          field.extensions[CARRIES_CREDENTIALS] ||
          getNamedType(field.type).extensions[CARRIES_CREDENTIALS],
        );
      },
    }),
  );
  return found;
}
