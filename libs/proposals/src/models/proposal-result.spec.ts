import { GraphQLSchemaBuilderModule, GraphQLSchemaFactory, Query, Resolver } from '@nestjs/graphql';
import { Test } from '@nestjs/testing';
import { GraphQLUnionType } from 'graphql';
import { ProposalResult } from './proposal-result';

@Resolver()
class ProposalResultResolver {
  @Query(() => ProposalResult)
  proposalResult(): unknown {
    throw new Error('never run: only the schema is read');
  }
}

describe('ProposalResult', () => {
  // Built from the proposals feature alone: no other feature's import may change the union.
  it('holds the members its declaration names, with no other feature loaded', async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [GraphQLSchemaBuilderModule],
    }).compile();
    const schema = await moduleRef.get(GraphQLSchemaFactory).create([ProposalResultResolver]);

    const union = schema.getType('ProposalResult') as GraphQLUnionType;

    expect(union.getTypes().map(String)).toEqual([
      'Proposal',
      'InvalidTransitionError',
      'VersionConflictError',
      'IncompleteProposalError',
      'ContentFreezeActiveError',
    ]);
  });
});
