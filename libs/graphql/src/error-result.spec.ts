import {
  Field,
  GraphQLSchemaBuilderModule,
  GraphQLSchemaFactory,
  ObjectType,
  Query,
  Resolver,
} from '@nestjs/graphql';
import { Test } from '@nestjs/testing';
import { execute, GraphQLEnumType, GraphQLInterfaceType, GraphQLSchema, parse } from 'graphql';
import { declareErrorCodes, ErrorResult, errorResult, resultUnion } from './error-result';

const ScheduleErrorCode = declareErrorCodes(['STALE_REVISION', 'CONTENT_FREEZE_ACTIVE']);

@ObjectType()
class Scheduled {
  @Field()
  scheduledFor!: string;
}

@ObjectType({ implements: () => [ErrorResult] })
class StaleRevision extends ErrorResult {
  @Field()
  currentContentHash!: string;
}

@ObjectType({ implements: () => [ErrorResult] })
class ContentFreezeActive extends ErrorResult {}

const ScheduleResult = resultUnion('ScheduleResult', [
  Scheduled,
  StaleRevision,
  ContentFreezeActive,
]);

@Resolver()
class ScheduleResolver {
  @Query(() => ScheduleResult)
  schedule(): unknown {
    throw new Error('answered by the root value in these tests');
  }

  @Query(() => ErrorResult)
  lastError(): unknown {
    throw new Error('answered by the root value in these tests');
  }
}

const stale = errorResult(
  StaleRevision,
  ScheduleErrorCode.STALE_REVISION,
  'The words changed since you saw them',
  { currentContentHash: 'abc' },
);

const document = parse(`{
  schedule {
    __typename
    ... on Scheduled { scheduledFor }
    ... on ErrorResult { errorCode message }
    ... on StaleRevision { currentContentHash }
  }
}`);

let schema: GraphQLSchema;

beforeAll(async () => {
  const moduleRef = await Test.createTestingModule({
    imports: [GraphQLSchemaBuilderModule],
  }).compile();
  schema = await moduleRef.get(GraphQLSchemaFactory).create([ScheduleResolver]);
});

describe('resultUnion', () => {
  const run = (value: unknown) => execute({ schema, document, rootValue: { schedule: value } });

  it('answers the success member by its class', async () => {
    const scheduled = Object.assign(new Scheduled(), { scheduledFor: '2025-06-01T09:00:00.000Z' });

    expect(await run(scheduled)).toEqual({
      data: { schedule: { __typename: 'Scheduled', scheduledFor: '2025-06-01T09:00:00.000Z' } },
    });
  });

  it('answers a failure member by its class, with its ErrorResult fields', async () => {
    expect(await run(stale)).toEqual({
      data: {
        schedule: {
          __typename: 'StaleRevision',
          errorCode: 'STALE_REVISION',
          message: 'The words changed since you saw them',
          currentContentHash: 'abc',
        },
      },
    });
  });

  it('tells apart members with the same fields', async () => {
    const frozen = Object.assign(new ContentFreezeActive(), {
      errorCode: ScheduleErrorCode.CONTENT_FREEZE_ACTIVE,
      message: 'Brand is frozen',
    });

    const result = await run(frozen);

    expect(result.data).toEqual({
      schedule: {
        __typename: 'ContentFreezeActive',
        errorCode: 'CONTENT_FREEZE_ACTIVE',
        message: 'Brand is frozen',
      },
    });
  });

  it('refuses a plain object with the same shape as a member', async () => {
    const result = await run({ scheduledFor: '2025-06-01T09:00:00.000Z' });

    expect(result.errors?.map((error) => error.message)).toEqual([
      'Object is not a member of ScheduleResult',
    ]);
  });

  it('refuses an instance of a class outside the union, naming it', async () => {
    @ObjectType()
    class Published {
      @Field()
      url!: string;
    }

    const result = await run(Object.assign(new Published(), { url: 'https://x.example' }));

    expect(result.errors?.map((error) => error.message)).toEqual([
      'Published is not a member of ScheduleResult',
    ]);
  });
});

describe('ErrorResult', () => {
  it("answers a field typed as the interface with the member of the value's class", async () => {
    const result = await execute({
      schema,
      document: parse('{ lastError { __typename errorCode message } }'),
      rootValue: { lastError: stale },
    });

    expect(result).toEqual({
      data: {
        lastError: {
          __typename: 'StaleRevision',
          errorCode: 'STALE_REVISION',
          message: 'The words changed since you saw them',
        },
      },
    });
  });

  it('is implemented by the failure members only', () => {
    const errorResult = schema.getType('ErrorResult') as GraphQLInterfaceType;

    expect(schema.getPossibleTypes(errorResult).map(String).sort()).toEqual([
      'ContentFreezeActive',
      'StaleRevision',
    ]);
  });

  it('exposes every declared error code in the ErrorCode enum', () => {
    const errorCode = schema.getType('ErrorCode') as GraphQLEnumType;

    expect(errorCode.getValues().map((value) => value.name)).toEqual([
      'STALE_REVISION',
      'CONTENT_FREEZE_ACTIVE',
    ]);
  });
});

describe('declareErrorCodes', () => {
  it('names each code by itself', () => {
    expect(ScheduleErrorCode).toEqual({
      STALE_REVISION: 'STALE_REVISION',
      CONTENT_FREEZE_ACTIVE: 'CONTENT_FREEZE_ACTIVE',
    });
  });

  it('refuses a code another feature already declared', () => {
    expect(() => declareErrorCodes(['NEW_CODE', 'STALE_REVISION'])).toThrow(
      'The error code STALE_REVISION is declared twice',
    );
  });
});
