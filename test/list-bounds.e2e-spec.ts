import { GraphQLSchemaHost, TypeMetadataStorage } from '@nestjs/graphql';
import { useTestApp } from '@standpoint/testing';
import { getMetadataStorage } from 'class-validator';
import { getNullableType, isInputObjectType, isListType, isObjectType } from 'graphql';
import { AppModule } from '../src/app.module';

/**
 * Every list a client can send is bounded (class-validator's ArrayMaxSize on its input class), so
 * that no request makes the server validate, store or loop over lists without end. This walks
 * the served schema: a list added without a bound fails here, naming it.
 */
describe('list arguments', () => {
  const app = useTestApp(AppModule);

  it('are all bounded by ArrayMaxSize on their input class', () => {
    const schema = app.t.app.get(GraphQLSchemaHost).schema;
    const unbounded: string[] = [];

    for (const type of Object.values(schema.getTypeMap())) {
      if (type.name.startsWith('__')) continue;
      if (isObjectType(type)) {
        // A bare list argument has no class to carry a bound: lists belong in input types.
        for (const field of Object.values(type.getFields()))
          for (const arg of field.args)
            if (isListType(getNullableType(arg.type)))
              unbounded.push(`${type.name}.${field.name}(${arg.name})`);
      }
      if (!isInputObjectType(type)) continue;
      const input = TypeMetadataStorage.getInputTypesMetadata().find((m) => m.name === type.name);
      for (const field of Object.values(type.getFields())) {
        if (!isListType(getNullableType(field.type))) continue;
        const property =
          input?.properties?.find((p) => p.schemaName === field.name)?.name ?? field.name;
        const bounded =
          input &&
          getMetadataStorage()
            .getTargetValidationMetadatas(input.target, '', true, false)
            .some((rule) => rule.propertyName === property && rule.name === 'arrayMaxSize');
        if (!bounded) unbounded.push(`${type.name}.${field.name}`);
      }
    }

    expect(unbounded).toEqual([]);
  });
});
