import { Field, ObjectType } from '@nestjs/graphql';
import { Node } from '@standpoint/graphql';
import { BrandEntity } from '../brand.entity';

@ObjectType('Brand', { implements: () => [Node] })
export class BrandModel extends Node {
  @Field()
  name!: string;

  @Field()
  slug!: string;

  static from(brand: BrandEntity): BrandModel {
    return Object.assign(new BrandModel(), { id: brand.id, name: brand.name, slug: brand.slug });
  }
}
